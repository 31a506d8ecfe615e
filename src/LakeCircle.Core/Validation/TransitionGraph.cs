using LakeCircle.Core.Model;

namespace LakeCircle.Core.Validation;

/// <summary>
/// The moves between storage classes a lifecycle transition supports, as the user guide's "Transitioning objects
/// using Amazon S3 Lifecycle" lists them: a graph, not a line. From STANDARD_IA to INTELLIGENT_TIERING, ONEZONE_IA,
/// GLACIER_IR, GLACIER or DEEP_ARCHIVE; from INTELLIGENT_TIERING to ONEZONE_IA, GLACIER_IR, GLACIER or DEEP_ARCHIVE;
/// from ONEZONE_IA to GLACIER or DEEP_ARCHIVE (not GLACIER_IR); from GLACIER_IR to GLACIER or DEEP_ARCHIVE; from
/// GLACIER to DEEP_ARCHIVE.
/// </summary>
internal static class TransitionGraph
{
    /// <summary>Whether objects in <paramref name="from"/> may move to <paramref name="to"/> by a lifecycle transition.</summary>
    /// <param name="from">The class of the earlier transition.</param>
    /// <param name="to">The class of the later one.</param>
    /// <returns><see langword="true"/> when the user guide lists the move.</returns>
    public static bool IsSupported(string from, string to) =>
        Rank(to) > Rank(from) && !(from == StorageClasses.OneZoneIA && to == StorageClasses.GlacierIR);

    /// <summary>The classes <paramref name="from"/> may move to, for messages.</summary>
    /// <param name="from">The class.</param>
    /// <returns>The targets, comma-separated, or <c>none</c>.</returns>
    public static string Targets(string from)
    {
        var targets = StorageClasses.All.Where(c => IsSupported(from, c)).ToList();
        return targets.Count == 0 ? "none" : string.Join(", ", targets);
    }

    /// <summary>The class's position in <see cref="StorageClasses.All"/>, warmest first; -1 when unknown.</summary>
    /// <param name="storageClass">The class.</param>
    /// <returns>The position.</returns>
    public static int Rank(string storageClass)
    {
        for (var i = 0; i < StorageClasses.All.Count; i++)
        {
            if (string.Equals(StorageClasses.All[i], storageClass, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
