using System.Text;
using LakeCircle.Core.Definitions;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Tests.Support;

/// <summary>Definitions as TOML text, model rules that match them, and seeded in-memory accounts.</summary>
internal static class WorkflowFixtures
{
    /// <summary>A TOML definition of one bucket with rules <c>(id, prefix, days)</c>; no rule means <c>Rules = []</c>.</summary>
    public static string Toml(string bucket, params (string Id, string Prefix, int Days)[] rules)
    {
        var text = new StringBuilder().AppendLine($"BucketName = \"{bucket}\"").AppendLine().AppendLine("[LifecycleConfiguration]");
        if (rules.Length == 0)
        {
            text.AppendLine("Rules = []");
        }

        foreach (var (id, prefix, days) in rules)
        {
            text.AppendLine()
                .AppendLine("[[LifecycleConfiguration.Rules]]")
                .AppendLine($"ID = \"{id}\"")
                .AppendLine("Status = \"Enabled\"")
                .AppendLine($"Filter = {{ Prefix = \"{prefix}\" }}")
                .AppendLine($"Expiration = {{ Days = {days} }}");
        }

        return text.ToString();
    }

    /// <summary>The model rule that <see cref="Toml"/> writes for <c>(id, prefix, days)</c>.</summary>
    public static LifecycleRule Rule(string id, string prefix, int days) => new()
    {
        Id = id,
        Filter = new LifecycleFilter { Prefix = prefix },
        Expiration = new LifecycleExpiration { Days = days },
    };

    /// <summary>A definition source holding the given files (path, TOML text).</summary>
    public static StaticDefinitionSource Source(params (string Path, string Toml)[] files) => new(files);

    /// <summary>A source with one file per bucket.</summary>
    public static StaticDefinitionSource Source(params string[] tomls) =>
        new(tomls.Select((t, i) => ($"def/{i:D2}.toml", t)).ToArray());

    /// <summary>
    /// The standard account: <c>logs</c> drifted (Days 30 instead of 90 and an extra rule), <c>backups</c> in sync,
    /// <c>bare</c> without lifecycle, <c>scratch</c> unmanaged; <c>archive</c> is defined but missing.
    /// </summary>
    public static (InMemoryS3Gateway Gateway, StaticDefinitionSource Definitions) Standard()
    {
        var gateway = new InMemoryS3Gateway()
            .SetLifecycle("logs", LifecycleConfiguration.Of(Rule("expire", "logs/", 30), Rule("old", "old/", 5)))
            .SetLifecycle("backups", LifecycleConfiguration.Of(Rule("keep", "nightly/", 365)))
            .AddBucket("bare")
            .SetLifecycle("scratch", LifecycleConfiguration.Of(Rule("tmp", "tmp/", 1)));
        var definitions = Source(
            Toml("logs", ("expire", "logs/", 90), ("new", "new/", 7)),
            Toml("backups", ("keep", "nightly/", 365)),
            Toml("bare", ("clean", "", 30)),
            Toml("archive", ("all", "", 10)));
        return (gateway, definitions);
    }
}

/// <summary>An <see cref="IDefinitionSource"/> over fixed text, counting its reads.</summary>
internal sealed class StaticDefinitionSource((string Path, string Toml)[] files) : IDefinitionSource
{
    public int Reads { get; private set; }

    public Task<IReadOnlyList<DefinitionDocument>> ReadAsync(CancellationToken cancellationToken = default)
    {
        Reads++;
        IReadOnlyList<DefinitionDocument> documents = files.Select(f => new DefinitionDocument(f.Path, Encoding.UTF8.GetBytes(f.Toml))).ToList();
        return Task.FromResult(documents);
    }
}
