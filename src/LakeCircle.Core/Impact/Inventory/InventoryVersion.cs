namespace LakeCircle.Core.Impact.Inventory;

/// <summary>One object version of a report, with what its neighbours tell about it.</summary>
/// <param name="Version">The version, tags unknown (<see cref="ObjectVersion.Tags"/> is <see langword="null"/>).</param>
/// <param name="NoncurrentSinceUnknown">A noncurrent version no newer version of which was listed: when it became
/// noncurrent is not known, so it is counted apart, never evaluated.</param>
internal readonly record struct InventoryVersion(ObjectVersion Version, bool NoncurrentSinceUnknown);
