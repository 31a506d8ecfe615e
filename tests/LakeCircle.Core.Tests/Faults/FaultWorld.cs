using System.Globalization;
using System.Text;
using LakeCircle.Core.Archive;
using LakeCircle.Core.Definitions;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Sync;
using LakeCircle.Core.Tests.Support;

namespace LakeCircle.Core.Tests.Faults;

/// <summary>
/// An account of <see cref="BucketCount"/> managed buckets drifted in every way (in sync, no lifecycle, a rule changed,
/// added or removed, the minimum size changed, equal but reordered or reshaped, a rule list to delete), two unmanaged
/// buckets, definitions in a local folder and a local endpoint for the archive, lock and run records. Remembers every bucket's original
/// configuration. The same seed gives the same world.
/// </summary>
internal sealed class FaultWorld : IDisposable
{
    public const int BucketCount = 50;

    private readonly TempFolder _folder = new();

    public FaultWorld(int seed = 20260314)
    {
        var generator = new ConfigurationGenerator(seed);
        var mutator = new ConfigurationMutator(generator);
        Directory.CreateDirectory(DefinitionFolder);
        var documents = new List<DefinitionDocument>();
        for (var i = 0; i < BucketCount; i++)
        {
            var path = Path.Combine(DefinitionFolder, Name(i) + ".toml");
            File.WriteAllText(path, Toml(i), new UTF8Encoding(false));
            documents.Add(new DefinitionDocument(path, File.ReadAllBytes(path)));
        }

        var set = DefinitionLoader.Load(documents);
        if (!set.IsValid)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, set.Diagnostics));
        }

        foreach (var definition in set.Buckets)
        {
            var index = int.Parse(definition.Bucket[^2..], CultureInfo.InvariantCulture);
            Desired[definition.Bucket] = definition.Configuration.Rules.Count == 0 ? null : definition.Configuration;
            Originals[definition.Bucket] = Drift(index, definition.Configuration, generator, mutator);
        }

        foreach (var (bucket, configuration) in Originals)
        {
            Store.SetLifecycle(bucket, configuration);
        }

        Store.SetLifecycle("unmanaged-a", generator.Configuration());
        Store.SetLifecycle("unmanaged-b", null);
        Unmanaged["unmanaged-a"] = Store.PeekLifecycle("unmanaged-a");
        Unmanaged["unmanaged-b"] = null;
    }

    public InMemoryS3Gateway Store { get; } = new();

    public string DefinitionFolder => _folder.File("definition");

    public string EndpointFolder => _folder.File("endpoint");

    public ManualTime Time { get; } = new();

    /// <summary>Each managed bucket's configuration before the first run (null: none).</summary>
    public Dictionary<string, LifecycleConfiguration?> Originals { get; } = new(StringComparer.Ordinal);

    /// <summary>Each managed bucket's desired configuration (null: none).</summary>
    public Dictionary<string, LifecycleConfiguration?> Desired { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, LifecycleConfiguration?> Unmanaged { get; } = new(StringComparer.Ordinal);

    public LocalEndpointStore Endpoint => new(EndpointFolder);

    public ConfigurationArchive Archive => new(Endpoint, Time);

    /// <summary>The buckets a fault-free plan of the untouched world changes.</summary>
    public async Task<IReadOnlyList<string>> PlannedChangesAsync()
    {
        var outcome = await PlanAsync();
        Store.ResetCallCounts();
        return outcome.Plan!.Buckets.Where(b => b.Action != BucketAction.None).Select(b => b.Bucket).ToList();
    }

    /// <summary>Whether a fault-free plan of the store changes nothing.</summary>
    public async Task<bool> ConvergedAsync()
    {
        var outcome = await PlanAsync();
        return outcome.Succeeded && !outcome.HasChanges;
    }

    /// <summary>A fault-free plan of the store.</summary>
    public async Task<PlanOutcome> PlanAsync()
    {
        await using var client = TestClient.Create(Store, new LocalDefinitionSource(DefinitionFolder), Endpoint, TestClient.Options(Time));
        return await client.PlanAsync();
    }

    public static string Name(int index) => "lake-" + index.ToString("D2", CultureInfo.InvariantCulture);

    public static string? Fingerprint(LifecycleConfiguration? configuration) =>
        configuration is null || configuration.Rules.Count == 0 ? null : configuration.Fingerprint;

    /// <summary>
    /// A client over <paramref name="gateway"/> with the world's definitions and endpoint (archive before each write, lock,
    /// run record); the clock moves a second per client.
    /// </summary>
    public LakeCircleClient Client(IS3Gateway gateway, int writeConcurrency = 2)
    {
        Time.Advance(TimeSpan.FromSeconds(1));
        var options = TestClient.Options(Time);
        options.WriteConcurrency = writeConcurrency;
        options.ReadConcurrency = 8;
        return TestClient.Create(gateway, new LocalDefinitionSource(DefinitionFolder), Endpoint, options);
    }

    public void Dispose() => _folder.Dispose();

    private static LifecycleConfiguration? Drift(int index, LifecycleConfiguration desired, ConfigurationGenerator generator, ConfigurationMutator mutator)
    {
        if (desired.Rules.Count == 0)
        {
            return index % 20 == 19 ? null : generator.Configuration(1, 3);
        }

        return (index % 8) switch
        {
            0 => desired,
            1 => null,
            6 => mutator.Reorder(desired),
            7 => mutator.Reshape(desired),
            _ => mutator.Mutate(desired).Configuration,
        };
    }

    private static string Toml(int index)
    {
        var name = Name(index);
        if (index % 10 == 9)
        {
            return $"BucketName = \"{name}\"\n\n[LifecycleConfiguration]\nRules = []\n";
        }

        var days = (10 + index).ToString(CultureInfo.InvariantCulture);
        var size = index % 5 == 0 ? "TransitionDefaultMinimumObjectSize = \"varies_by_storage_class\"\n" : "";
        return $$"""
            BucketName = "{{name}}"

            [LifecycleConfiguration]
            {{size}}
            [[LifecycleConfiguration.Rules]]
            ID = "expire-tmp"
            Status = "Enabled"
            Filter = { Prefix = "tmp/" }
            Expiration = { Days = {{days}} }

            [[LifecycleConfiguration.Rules]]
            ID = "archive-logs"
            Status = "Enabled"
            Filter = { Prefix = "logs/" }
            Transitions = [{ Days = 30, StorageClass = "STANDARD_IA" }]

            [[LifecycleConfiguration.Rules]]
            ID = "abort-uploads"
            Status = "Enabled"
            Filter = {}
            AbortIncompleteMultipartUpload = { DaysAfterInitiation = 7 }

            """;
    }
}
