namespace LakeCircle.Core.Impact;

/// <summary>
/// What a change of lifecycle configuration does to the data, by its effect on object versions; ordered from
/// harmless to dangerous, so the larger value is the worse.
/// </summary>
public enum ImpactKind
{
    /// <summary>No object version is transitioned or deleted at another time: the change does nothing that matters to the data.</summary>
    None = 0,

    /// <summary>Some version is deleted later (or no longer at all) or archived later, and none sooner.</summary>
    RetainsLonger = 1,

    /// <summary>Some version moves to a colder storage class earlier than now (or where it never did); none is deleted sooner.</summary>
    ArchivesSooner = 2,

    /// <summary>Some version is deleted, or turned into a delete marker, earlier than now, or where it never was.</summary>
    Destructive = 3,
}
