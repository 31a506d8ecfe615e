namespace LakeCircle.Core.Archive;

/// <summary>
/// What became of the write that replaced an archived configuration (the <c>write</c> of a <c>history/</c> file). A file
/// without it was saved by a run that stopped before it knew (killed between the save and the write's answer).
/// </summary>
internal enum WriteOutcome
{
    /// <summary>The write went through: the archived configuration was replaced (it is what a rollback puts back).</summary>
    Applied,

    /// <summary>The server refused the write (a 4xx answer): the archived configuration stayed in place.</summary>
    Failed,

    /// <summary>The write went through but the server kept something else, and the archived configuration was put back.</summary>
    Restored,
}
