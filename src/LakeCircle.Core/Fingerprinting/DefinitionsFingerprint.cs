using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Fingerprinting;

/// <summary>
/// The fingerprint of a whole set of definitions: SHA-256 of the compact JSON array of <c>[bucket, configuration
/// fingerprint]</c> pairs, one per defined bucket, sorted by bucket name (ordinal). It depends only on what the
/// definitions mean (the canonical form of each declared configuration), not on files, formatting or order, so the same
/// definitions give the same value on every run (docs/fingerprint.md). A protected bucket's pair has a third item,
/// <c>true</c>: marking or unmarking a bucket protected changes the fingerprint, while definitions without protected
/// buckets keep the value they had before protection existed.
/// </summary>
internal static class DefinitionsFingerprint
{
    /// <summary>The fingerprint, 64 lowercase hex digits.</summary>
    /// <param name="buckets">Every defined bucket with the configuration its definition declares.</param>
    /// <param name="protectedBuckets">The defined buckets marked protected (<c>[LakeCircle] Protected = true</c>), or <see langword="null"/> for none.</param>
    public static string Of(IEnumerable<KeyValuePair<string, LifecycleConfiguration>> buckets, IReadOnlySet<string>? protectedBuckets = null)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var (bucket, configuration) in buckets.OrderBy(b => b.Key, StringComparer.Ordinal))
            {
                writer.WriteStartArray();
                writer.WriteStringValue(bucket);
                writer.WriteStringValue(configuration.Fingerprint);
                if (protectedBuckets?.Contains(bucket) == true)
                {
                    writer.WriteBooleanValue(true);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }
}
