using LakeCircle.Core;
using LakeCircle.Core.Planning;

namespace LakeCircle.Cli.Running;

/// <summary>Writes <c>dryrun --out FILE</c>: the plan file next to its destination first, then renamed over it (replacing an older plan).</summary>
internal static class SavedPlans
{
    /// <summary>Saves the plan to <paramref name="path"/> atomically: a reader sees the old file or the new one, never a part.</summary>
    public static async Task<SavedPlan> WriteAsync(LakeCircleClient client, PlanOutcome plan, string path, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new IOException("it is a folder, not a file.");
        }

        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            SavedPlan saved;
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                saved = await client.SavePlanAsync(plan, stream, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
            return saved;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
