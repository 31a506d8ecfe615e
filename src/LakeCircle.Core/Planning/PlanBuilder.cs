using LakeCircle.Core.Archive;
using LakeCircle.Core.Definitions;
using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Fingerprinting;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Model;
using LakeCircle.Core.Sync;
using Microsoft.Extensions.Logging;

namespace LakeCircle.Core.Planning;

/// <summary>
/// Loads both sides of a plan and hands them to the pure <see cref="Planner"/>: the definitions first (any problem
/// stops here, before any account call; warnings are logged and go on), one bucket list, then one lifecycle GET per managed bucket that exists (a
/// bounded number in flight). A rollback's plan takes its desired side from the endpoint's archive instead.
/// </summary>
internal static class PlanBuilder
{
    /// <summary>Plans the account against its definitions.</summary>
    /// <param name="sources">The account and the definitions.</param>
    /// <param name="buckets">The buckets to plan; <see langword="null"/> for every defined bucket, empty for none.</param>
    /// <param name="readConcurrency">How many lifecycle reads may be in flight.</param>
    /// <param name="logger">Receives the plan's events.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <param name="regions">The regions the run is limited to; <see langword="null"/> or empty for every region.</param>
    public static async Task<PlanOutcome> PlanAsync(
        ClientSources sources, IReadOnlyList<string>? buckets, int readConcurrency, ILogger logger, CancellationToken cancellationToken,
        IReadOnlySet<string>? regions = null)
    {
        var definitions = await LoadAsync(sources.Definitions, logger, cancellationToken).ConfigureAwait(false);
        var (selected, problems) = DefinitionSelection.Narrow(definitions.Buckets, buckets);
        var diagnostics = definitions.Diagnostics.Concat(problems).ToValueList();
        if (diagnostics.HasErrors())
        {
            foreach (var diagnostic in diagnostics)
            {
                LogDiagnostic(logger, diagnostic);
            }

            // One invalid definition stops the whole run: a plan over the others would remove what the invalid one keeps.
            logger.Stopped(diagnostics.ErrorCount(), definitions.ValidBucketCount);
            return new PlanOutcome { Diagnostics = diagnostics, ValidDefinitions = definitions.ValidBucketCount };
        }

        // No definition at all: most likely not the location meant. Planned (it changes nothing), with a warning.
        var noDefinitionsUnder = definitions.FileCount == 0 ? sources.Definitions.Location : null;
        if (noDefinitionsUnder is not null)
        {
            diagnostics = diagnostics.Append(EmptyDefinitions.PlanWarning(noDefinitionsUnder)).ToValueList();
        }

        foreach (var warning in diagnostics)
        {
            LogDiagnostic(logger, warning);
        }

        if (buckets is { Count: 0 })
        {
            logger.EmptySelection();
        }

        var progress = RunReporter.Current;
        progress?.Stage(RunStage.ListingBuckets);
        IReadOnlyList<ListedBucket> listing;
        try
        {
            listing = await sources.Account.ListWithRegionsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (S3GatewayException e)
        {
            logger.ListFailed(e.Message);
            return new PlanOutcome { Error = "Could not list the account's buckets: " + e.Message };
        }

        var managed = selected.Select(d => d.Bucket).ToList();
        var limit = regions is { Count: > 0 } ? regions : null;
        var regionOf = await RegionsAsync(sources.Account, listing, limit is null ? [] : managed, readConcurrency, logger, cancellationToken).ConfigureAwait(false);

        // Outside the run's regions: a bucket whose region is known and not one of them. One whose region stays unknown is read.
        bool Outside(string bucket) => limit is not null && regionOf.GetValueOrDefault(bucket) is { } region && !limit.Contains(region);
        var accountBuckets = listing.Select(b => b.Name).Where(b => !Outside(b)).ToList();
        var existing = accountBuckets.ToHashSet(StringComparer.Ordinal);
        var outside = managed.Where(b => regionOf.ContainsKey(b) && Outside(b)).ToDictionary(b => b, b => regionOf[b]!, StringComparer.Ordinal);
        var toRead = managed.Count(existing.Contains);
        logger.AccountListed(existing.Count, toRead);
        progress?.Reading(toRead);

        // Each bucket is planned as soon as it is read (the planner is pure), so its CPU work overlaps the reads still
        // in flight instead of following the last one.
        var planned = new BucketPlan[managed.Count];
        var impacts = new ImpactMemo();
        var states = await AccountReader.ReadAsync(sources.Account, managed, existing, readConcurrency, logger, cancellationToken,
            (index, state) => planned[index] = Planner.PlanBucket(managed[index], selected[index].Configuration, state, impacts.Compare), outside).ConfigureAwait(false);

        // When narrowed to named buckets, the others (defined or not) are out of the run's scope.
        var defined = definitions.Buckets.Select(d => d.Bucket).ToHashSet(StringComparer.Ordinal);
        var unmanaged = buckets is not null ? [] : accountBuckets.Where(b => !defined.Contains(b));
        var desired = selected.ToDictionary(d => d.Bucket, d => d.Configuration, StringComparer.Ordinal);
        var plans = new Dictionary<string, BucketPlan>(managed.Count, StringComparer.Ordinal);
        for (var i = 0; i < managed.Count; i++)
        {
            plans[managed[i]] = planned[i];
        }

        var plan = Planner.PlanAccount(desired, states, unmanaged, plans);
        var protectedBuckets = selected.Where(d => d.Protected).Select(d => d.Bucket).ToHashSet(StringComparer.Ordinal);
        plan = plan with
        {
            Buckets = plan.Buckets.Select(b => b with
            {
                Protected = b.Protected || protectedBuckets.Contains(b.Bucket),
                Region = b.Region ?? regionOf.GetValueOrDefault(b.Bucket),
            }).ToValueList(),
            Regions = limit?.Order(StringComparer.Ordinal).ToValueList() ?? ValueList<string>.Empty,
        };

        PlanLogging.Write(logger, plan);
        progress?.Planned(plan.Buckets.Count(b => b.Status != BucketStatus.Unmanaged), plan.Buckets.Count(b => b.Action != BucketAction.None));
        // Over every defined bucket, as the configurations are; protection counts, so a changed flag changes the value.
        var fingerprint = DefinitionsFingerprint.Of(
            definitions.Buckets.Select(d => KeyValuePair.Create(d.Bucket, d.Configuration)),
            definitions.Buckets.Where(d => d.Protected).Select(d => d.Bucket).ToHashSet(StringComparer.Ordinal));
        return new PlanOutcome { Plan = plan, Diagnostics = diagnostics, DefinitionsFingerprint = fingerprint, Selection = buckets?.ToValueList(), NoDefinitionsUnder = noDefinitionsUnder };
    }

    /// <summary>
    /// Each listed bucket's region: the listing's, and for the <paramref name="ask"/> buckets listed without one, the
    /// gateway's answer (<c>GetBucketLocation</c>; a failure leaves it unknown, logged). Only a run limited to some regions
    /// asks, so a run over every region makes no call beyond the listing.
    /// </summary>
    private static async Task<Dictionary<string, string?>> RegionsAsync(
        IS3Gateway account, IReadOnlyList<ListedBucket> listing, IReadOnlyList<string> ask, int concurrency, ILogger logger, CancellationToken cancellationToken)
    {
        var regionOf = new Dictionary<string, string?>(listing.Count, StringComparer.Ordinal);
        foreach (var bucket in listing)
        {
            regionOf[bucket.Name] = bucket.Region;
        }

        var unknown = ask.Where(b => regionOf.TryGetValue(b, out var region) && region is null).ToList();
        if (unknown.Count == 0)
        {
            return regionOf;
        }

        var found = new string?[unknown.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, unknown.Count), options, async (index, token) =>
        {
            try
            {
                found[index] = await account.RegionOfAsync(unknown[index], token).ConfigureAwait(false);
            }
            catch (S3GatewayException e)
            {
                using var scope = logger.BucketScope(unknown[index]);
                logger.RegionUnknown(e.Message);
            }
        }).ConfigureAwait(false);
        for (var i = 0; i < unknown.Count; i++)
        {
            regionOf[unknown[i]] = found[i];
        }

        return regionOf;
    }

    internal static void LogDiagnostic(ILogger logger, Diagnostic diagnostic)
    {
        if (diagnostic.IsError)
        {
            logger.DefinitionProblem(diagnostic.ToString());
        }
        else
        {
            logger.DefinitionWarning(diagnostic.ToString());
        }
    }

    /// <summary>
    /// Plans putting a stored version of a bucket's configuration back, writing nothing. Without a time: the
    /// configuration from before the last change that was applied — the newest version in <c>history/</c> whose write
    /// was not refused (or restored) and that differs from what the bucket has now, so that neither a refused write nor
    /// a run killed before its write can make a rollback answer "in sync" (<c>previous/</c> is the fallback for an
    /// archive without history). With a time: the newest such version captured at or before it.
    /// </summary>
    public static async Task<PlanOutcome> PlanRollbackAsync(
        ClientSources sources, ConfigurationArchive archive, string bucket, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var progress = RunReporter.Current;
        progress?.Reading(1);
        LifecycleConfiguration? now;
        try
        {
            now = await sources.Account.GetLifecycleAsync(bucket, cancellationToken).ConfigureAwait(false);
            progress?.BucketRead(failed: false);
        }
        catch (S3GatewayException e)
        {
            progress?.BucketRead(failed: true);
            var message = e.Kind == S3ErrorKind.NoSuchBucket ? $"The bucket '{bucket}' does not exist." : $"Could not read bucket '{bucket}': {e.Message}";
            return new PlanOutcome { Error = message };
        }

        var (version, location) = await FindVersionAsync(sources.Endpoint, archive, bucket, to, now, cancellationToken).ConfigureAwait(false);
        if (version is null)
        {
            var where = to is { } t
                ? $"captured at or before {ArchiveTime.ToText(t)} whose write was applied in {EndpointStore.DescribeFolder(sources.Endpoint, $"history/{bucket}/")}"
                : $"that differs from its configuration now in {EndpointStore.DescribeFolder(sources.Endpoint, $"history/{bucket}/")} or {sources.Endpoint.Describe(ConfigurationArchive.PreviousKey(bucket))}";
            return new PlanOutcome { Error = $"No stored configuration of bucket '{bucket}' {where}." };
        }

        var plan = Planner.PlanBucket(bucket, version.Configuration ?? LifecycleConfiguration.Empty, BucketState.Of(now));
        progress?.Planned(1, plan.Action == BucketAction.None ? 0 : 1);
        var buckets = ValueList.Of(plan);
        return new PlanOutcome
        {
            Plan = new AccountPlan { Buckets = buckets, Summary = PlanSummary.Of(buckets) },
            RestoredVersion = ToEntry(version, location),
        };
    }

    private static async Task<(ArchivedConfiguration? Version, string Location)> FindVersionAsync(
        IEndpointStore endpoint, ConfigurationArchive archive, string bucket, DateTimeOffset? to, LifecycleConfiguration? now, CancellationToken cancellationToken)
    {
        foreach (var candidate in await archive.ListHistoryAsync(bucket, cancellationToken).ConfigureAwait(false))
        {
            if (to is { } time && candidate.CapturedAt > time)
            {
                continue;
            }

            var version = await archive.ReadAsync(candidate.Key, cancellationToken).ConfigureAwait(false);
            if (version is { WasReplaced: true } && (to is not null || !ConfigurationComparison.SameConfiguration(version.Configuration, now)))
            {
                return (version, endpoint.Describe(candidate.Key));
            }
        }

        var previous = to is null ? await archive.ReadPreviousAsync(bucket, cancellationToken).ConfigureAwait(false) : null;
        return previous is not null && !ConfigurationComparison.SameConfiguration(previous.Configuration, now)
            ? (previous, endpoint.Describe(ConfigurationArchive.PreviousKey(bucket)))
            : (null, "");
    }

    /// <summary>The public view of an archived version.</summary>
    internal static HistoryEntry ToEntry(ArchivedConfiguration version, string location) => new()
    {
        Bucket = version.Bucket,
        CapturedAt = version.CapturedAt,
        Reason = version.Reason,
        Configuration = version.Configuration,
        Replaced = version.Write switch { null => null, WriteOutcome.Applied => true, _ => false },
        Location = location,
    };

    private static async Task<DefinitionSet> LoadAsync(IDefinitionSource source, ILogger logger, CancellationToken cancellationToken)
    {
        RunReporter.Current?.Stage(RunStage.ReadingDefinitions);
        IReadOnlyList<DefinitionDocument> documents;
        try
        {
            documents = await source.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or S3GatewayException)
        {
            var problem = new Diagnostic { Message = "Could not read the definitions: " + e.Message };
            return new DefinitionSet(ValueList<BucketDefinition>.Empty, ValueList.Of(problem));
        }

        var set = DefinitionLoader.Load(documents);
        logger.DefinitionsLoaded(set.FileCount, set.Buckets.Count);
        return set;
    }
}
