using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;
using static LakeCircle.Cli.Configuration.PayloadKeys;

namespace LakeCircle.Cli.Configuration;

/// <summary>
/// The nested view of <see cref="Settings"/> that workflows read: dotted keys under <c>app.*</c>, <c>endpoint.*</c>,
/// <c>aws.*</c> and <c>work.*</c> (see <see cref="PayloadKeys"/>), each holding text or nothing.
/// </summary>
internal sealed class Payload
{
    private readonly Dictionary<string, string?> _values;
    private readonly Dictionary<string, EndpointLocation> _locations;

    /// <summary>Builds the payload of validated settings.</summary>
    /// <param name="settings">The settings.</param>
    public Payload(Settings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        _locations = new Dictionary<string, EndpointLocation>(StringComparer.Ordinal);
        if (settings.Endpoint is { } endpoint)
        {
            _locations[EndpointBase] = endpoint;
            foreach (var (key, folder) in EndpointFolders)
            {
                _locations[key] = endpoint.Join(folder);
            }
        }

        _values = PayloadValues.Of(settings, _locations);
        if (settings.Endpoint is null)
        {
            // The account-only commands (export, snapshot): the endpoint keys exist and hold nothing.
            _values[EndpointBase] = null;
            foreach (var (key, _) in EndpointFolders)
            {
                _values[key] = null;
            }
        }
        Keys = _values.Where(p => p.Value is not null).Select(p => p.Key).Order(StringComparer.Ordinal).ToValueList();
        Fingerprint = ComputeFingerprint(Keys.Select(k => (k, _values[k]!)));
    }

    /// <summary>The settings the payload was built from.</summary>
    public Settings Settings { get; }

    /// <summary>The keys that hold a value, in ordinal order.</summary>
    public ValueList<string> Keys { get; }

    /// <summary>
    /// The first 12 hexadecimal digits of the SHA-256 of the sorted <c>key=value</c> lines of the payload. It names a
    /// configuration in logs; secret settings never take part in it.
    /// </summary>
    public string Fingerprint { get; }

    /// <summary>The value of a key, or <see langword="null"/> when the key is unknown or holds nothing.</summary>
    /// <param name="dottedKey">A key such as <c>endpoint.definition</c>.</param>
    /// <returns>The value.</returns>
    public string? Get(string dottedKey) => _values.GetValueOrDefault(dottedKey);

    /// <summary>The value of a key that must hold one.</summary>
    /// <param name="dottedKey">A key such as <c>aws.account</c>.</param>
    /// <returns>The value.</returns>
    /// <exception cref="KeyNotFoundException">The key is unknown or holds nothing; the message names it.</exception>
    public string Require(string dottedKey)
    {
        if (!_values.TryGetValue(dottedKey, out var value))
        {
            throw new KeyNotFoundException(
                $"The payload has no key '{dottedKey}'; known keys: {string.Join(", ", _values.Keys.Order(StringComparer.Ordinal))}.");
        }

        return value ?? throw new KeyNotFoundException($"The payload key '{dottedKey}' holds no value; set the setting it comes from.");
    }

    /// <summary>The location behind an <c>endpoint.*</c> key.</summary>
    /// <param name="dottedKey">A key such as <c>endpoint.definition</c>.</param>
    /// <returns>The folder location.</returns>
    /// <exception cref="KeyNotFoundException">The key is not an <c>endpoint.*</c> key.</exception>
    public EndpointLocation Location(string dottedKey) =>
        _locations.TryGetValue(dottedKey, out var location)
            ? location
            : throw new KeyNotFoundException(
                $"The payload key '{dottedKey}' is not a location; locations: {string.Join(", ", _locations.Keys)}.");

    /// <inheritdoc />
    public override string ToString() => string.Join(Environment.NewLine, Keys.Select(k => $"{k}={_values[k]}"));

    internal static string ComputeFingerprint(IEnumerable<(string Key, string Value)> entries)
    {
        var canonical = new StringBuilder();
        foreach (var (key, value) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            canonical.Append(key).Append('=').Append(value).Append('\n');
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString()));
        return Convert.ToHexStringLower(hash)[..12].ToString(CultureInfo.InvariantCulture);
    }
}
