using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using LakeCircle.Core.Archive;
using LakeCircle.Core.Gateways.Json;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Planning;

/// <summary>
/// Writes and reads plan files (<c>lakecircle dryrun --out</c>, <c>sync --plan</c>): a versioned camelCase JSON document
/// with, per bucket, its status and action, the fingerprint of the actual configuration the plan was computed from
/// and the configurations themselves in the AWS API's JSON shape (lossless), plus the account, region, endpoint,
/// definitions' fingerprint, tool version and time. Reading is strict: another kind or schema version, an unknown or
/// missing member, a content fingerprint that does not match (an edited file), or a bucket whose stored plan is not
/// what its stored configurations give, is an <see cref="InvalidDataException"/>.
/// </summary>
internal static class SavedPlanFile
{
    /// <summary>Writes the plan file of <paramref name="outcome"/>.</summary>
    /// <exception cref="ArgumentException">The plan did not succeed, or is a rollback plan.</exception>
    public static byte[] Serialize(PlanOutcome outcome, string endpoint, DateTimeOffset createdAt, string toolVersion)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (!outcome.Succeeded || outcome.Plan is null)
        {
            throw new ArgumentException("Only a complete plan can be saved: this one has errors (invalid definitions, an account or a bucket that could not be read).", nameof(outcome));
        }

        if (outcome.IsRollback)
        {
            throw new ArgumentException("A rollback plan cannot be saved; plan the rollback again when applying it.", nameof(outcome));
        }

        var document = new Document
        {
            Kind = SavedPlan.Kind,
            SchemaVersion = SavedPlan.CurrentSchemaVersion,
            ToolVersion = toolVersion,
            CreatedAt = createdAt.ToUniversalTime(),
            Account = outcome.Account,
            Region = outcome.Region,
            Endpoint = endpoint,
            DefinitionsFingerprint = outcome.DefinitionsFingerprint
                ?? throw new ArgumentException("The plan does not say which definitions it was computed from.", nameof(outcome)),
            Selection = outcome.Selection?.ToArray(),
            Regions = outcome.Plan.Regions.Count == 0 ? null : [.. outcome.Plan.Regions],
            Buckets = [.. outcome.Plan.Buckets.Select(ToEntry)],
            ContentFingerprint = "",
        };
        var model = outcome.Plan.Buckets.Select(b => (b.Bucket, b.Status, b.Action, ActualFingerprint(b), b.Actual, b.Desired, b.ConfigurationToPut, b.Protected, b.Region));
        return RecoveryJson.Serialize(document with { ContentFingerprint = ContentFingerprint(document, model) });
    }

    /// <summary>Reads a plan file.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a plan file this version reads, or not one as it was written.</exception>
    public static PlanOutcome Deserialize(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        CheckHead(bytes);
        var document = RecoveryJson.Deserialize<Document>(bytes, "the plan");
        var buckets = new List<BucketPlan>();
        var model = new List<(string, BucketStatus, BucketAction, string?, LifecycleConfiguration?, LifecycleConfiguration?, LifecycleConfiguration?, bool, string?)>();
        string? previous = null;
        for (var i = 0; i < document.Buckets.Count; i++)
        {
            var entry = document.Buckets[i];
            if (previous is not null && string.CompareOrdinal(previous, entry.Bucket) >= 0)
            {
                throw Invalid($"$.buckets[{i}]", $"the buckets are not in name order or '{entry.Bucket}' is listed twice");
            }

            previous = entry.Bucket;
            var actual = Configuration(entry.Actual, $"$.buckets[{i}].actual");
            var desired = Configuration(entry.Desired, $"$.buckets[{i}].desired");
            var toPut = Configuration(entry.ConfigurationToPut, $"$.buckets[{i}].configurationToPut");
            model.Add((entry.Bucket, entry.Status, entry.Action, entry.ActualFingerprint, actual, desired, toPut, entry.Protected, entry.Region));
            buckets.Add(Rebuild(entry, actual, desired, toPut, i) with { Protected = entry.Protected, Region = entry.Region });
        }

        if (!string.Equals(ContentFingerprint(document, model), document.ContentFingerprint, StringComparison.Ordinal))
        {
            throw new InvalidDataException(
                "The plan was changed after it was made: its content does not match its contentFingerprint. Nothing was applied; make a new plan.");
        }

        var plans = buckets.ToValueList();
        return new PlanOutcome
        {
            Plan = new AccountPlan
            {
                Buckets = plans,
                Summary = PlanSummary.Of(plans),
                Regions = document.Regions?.Order(StringComparer.Ordinal).ToValueList() ?? ValueList<string>.Empty,
            },
            Account = document.Account,
            Region = document.Region,
            DefinitionsFingerprint = document.DefinitionsFingerprint,
            Selection = document.Selection?.ToValueList(),
            Saved = new SavedPlan
            {
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
                CreatedAt = document.CreatedAt,
                ToolVersion = document.ToolVersion,
                Endpoint = document.Endpoint,
            },
        };
    }

    /// <summary>The fingerprint recorded for an actual configuration: the configuration's, or <c>none</c>.</summary>
    public static string Fingerprint(LifecycleConfiguration? configuration) =>
        ConfigurationComparison.IsNone(configuration) ? "none" : configuration.Fingerprint;

    /// <summary>The kind and schema version first, so that another file or version gets its own message.</summary>
    private static void CheckHead(byte[] bytes)
    {
        JsonDocument head;
        try
        {
            head = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, position {e.BytePositionInLine + 1}" : "";
            throw new InvalidDataException($"The plan is not valid JSON{where}: it is damaged or not a plan file.", e);
        }

        using (head)
        {
            var root = head.RootElement;
            var kind = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
            if (kind != SavedPlan.Kind)
            {
                throw new InvalidDataException($"The file is not a LakeCircle plan (its kind is {(kind is null ? "missing" : $"'{kind}'")}, not '{SavedPlan.Kind}').");
            }

            if (!root.TryGetProperty("schemaVersion", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number))
            {
                throw new InvalidDataException("The plan has no schemaVersion.");
            }

            if (number != SavedPlan.CurrentSchemaVersion)
            {
                throw new InvalidDataException(
                    $"The plan is of schema version {number}; this version of LakeCircle reads version {SavedPlan.CurrentSchemaVersion} only. Make the plan again with the version that applies it.");
            }
        }
    }

    /// <summary>The bucket's plan, made again from its stored configurations; it must be what the file says.</summary>
    private static BucketPlan Rebuild(Entry entry, LifecycleConfiguration? actual, LifecycleConfiguration? desired, LifecycleConfiguration? toPut, int index)
    {
        var at = $"$.buckets[{index}]";
        if (entry.ActualFingerprint is { } fingerprint && fingerprint != Fingerprint(actual))
        {
            throw Invalid(at + ".actualFingerprint", $"'{fingerprint}' is not the fingerprint of the stored actual configuration ({Fingerprint(actual)})");
        }

        BucketPlan plan;
        switch (entry.Status)
        {
            case BucketStatus.Unmanaged:
                plan = new BucketPlan { Bucket = entry.Bucket, Status = BucketStatus.Unmanaged, Actual = actual };
                break;
            case BucketStatus.Missing:
                plan = Planner.PlanBucket(entry.Bucket, desired ?? throw Invalid(at, "a missing bucket needs its desired configuration"), BucketState.Missing);
                break;
            case BucketStatus.OtherRegion:
                plan = Planner.PlanBucket(
                    entry.Bucket,
                    desired ?? throw Invalid(at, "a bucket in another region needs its desired configuration"),
                    BucketState.InOtherRegion(entry.Region is { Length: > 0 } region ? region : throw Invalid(at, "a bucket in another region needs its region")));
                break;
            case BucketStatus.Change or BucketStatus.InSync:
                if (entry.ActualFingerprint is null)
                {
                    throw Invalid(at, "actualFingerprint is required for a bucket in sync or to change");
                }

                plan = Planner.PlanBucket(entry.Bucket, desired ?? throw Invalid(at, "desired is required for a bucket in sync or to change"), BucketState.Of(actual));
                break;
            default:
                throw Invalid(at + ".status", $"a plan file holds no bucket with status '{entry.Status}'");
        }

        var expected = plan.ConfigurationToPut is { } put ? LifecycleJson.Serialize(put) : null;
        var stored = toPut is null ? null : LifecycleJson.Serialize(toPut);
        if (plan.Status != entry.Status || plan.Action != entry.Action || expected != stored)
        {
            throw Invalid(at, $"the stored plan of '{entry.Bucket}' ({entry.Status}, {entry.Action}) is not what its stored configurations give ({plan.Status}, {plan.Action}); the file was edited or made by an incompatible version");
        }

        return plan;
    }

    private static LifecycleConfiguration? Configuration(JsonElement? element, string path)
    {
        if (element is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        try
        {
            return LifecycleJson.Deserialize(value.GetRawText());
        }
        catch (LifecycleJsonException e)
        {
            throw Invalid(path + (e.PropertyPath ?? "$").TrimStart('$'), e.Reason);
        }
    }

    /// <summary>
    /// SHA-256 over everything the plan says, in a fixed form (each configuration as its exact AWS-shaped JSON): a file
    /// edited after it was made no longer matches. A checksum against mistakes and damage, not a signature.
    /// </summary>
    private static string ContentFingerprint(
        Document document,
        IEnumerable<(string Bucket, BucketStatus Status, BucketAction Action, string? ActualFingerprint, LifecycleConfiguration? Actual, LifecycleConfiguration? Desired, LifecycleConfiguration? ToPut, bool Protected, string? Region)> buckets)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            w.WriteStringValue(document.Kind);
            w.WriteNumberValue(document.SchemaVersion);
            w.WriteStringValue(document.ToolVersion);
            w.WriteStringValue(document.CreatedAt.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            Text(w, document.Account);
            Text(w, document.Region);
            w.WriteStringValue(document.Endpoint);
            w.WriteStringValue(document.DefinitionsFingerprint);
            if (document.Selection is null)
            {
                w.WriteNullValue();
            }
            else
            {
                w.WriteStartArray();
                foreach (var name in document.Selection)
                {
                    w.WriteStringValue(name);
                }

                w.WriteEndArray();
            }

            w.WriteStartArray();
            foreach (var b in buckets)
            {
                w.WriteStartArray();
                w.WriteStringValue(b.Bucket);
                w.WriteStringValue(b.Status.ToString());
                w.WriteStringValue(b.Action.ToString());
                Text(w, b.ActualFingerprint);
                Text(w, b.Actual is null ? null : LifecycleJson.Serialize(b.Actual));
                Text(w, b.Desired is null ? null : LifecycleJson.Serialize(b.Desired));
                Text(w, b.ToPut is null ? null : LifecycleJson.Serialize(b.ToPut));
                if (b.Protected)
                {
                    w.WriteBooleanValue(true);
                }

                // Written only when known, so that a file made before regions were recorded keeps its fingerprint.
                if (b.Region is not null)
                {
                    w.WriteStringValue(b.Region);
                }

                w.WriteEndArray();
            }

            w.WriteEndArray();
            if (document.Regions is { Length: > 0 } regions)
            {
                w.WriteStartArray();
                foreach (var region in regions)
                {
                    w.WriteStringValue(region);
                }

                w.WriteEndArray();
            }

            w.WriteEndArray();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));

        static void Text(Utf8JsonWriter w, string? value)
        {
            if (value is null)
            {
                w.WriteNullValue();
            }
            else
            {
                w.WriteStringValue(value);
            }
        }
    }

    private static Entry ToEntry(BucketPlan plan) => new()
    {
        Bucket = plan.Bucket,
        Status = plan.Status,
        Action = plan.Action,
        ActualFingerprint = ActualFingerprint(plan),
        Actual = Element(plan.Actual),
        Desired = Element(plan.Desired),
        ConfigurationToPut = Element(plan.ConfigurationToPut),
        Protected = plan.Protected,
        Region = plan.Region,
    };

    /// <summary>The fingerprint a bucket to change or in sync is checked against when the plan is applied; none for the others.</summary>
    private static string? ActualFingerprint(BucketPlan plan) =>
        plan.Status is BucketStatus.Change or BucketStatus.InSync ? Fingerprint(plan.Actual) : null;

    private static JsonElement? Element(LifecycleConfiguration? configuration)
    {
        if (configuration is null)
        {
            return null;
        }

        using var parsed = JsonDocument.Parse(LifecycleJson.Serialize(configuration));
        return parsed.RootElement.Clone();
    }

    private static InvalidDataException Invalid(string path, string reason) => new($"The plan is not valid ({path}): {reason}.");

    private sealed record Document
    {
        public required string Kind { get; init; }

        public required int SchemaVersion { get; init; }

        public required string ToolVersion { get; init; }

        public required DateTimeOffset CreatedAt { get; init; }

        public required string? Account { get; init; }

        public required string? Region { get; init; }

        public required string Endpoint { get; init; }

        public required string DefinitionsFingerprint { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string[]? Selection { get; init; }

        /// <summary>The regions the plan's run was limited to; absent when it covered every region (and in older files).</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string[]? Regions { get; init; }

        public required List<Entry> Buckets { get; init; }

        public required string ContentFingerprint { get; init; }
    }

    private sealed record Entry
    {
        public required string Bucket { get; init; }

        public required BucketStatus Status { get; init; }

        public required BucketAction Action { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? ActualFingerprint { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public JsonElement? Actual { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public JsonElement? Desired { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public JsonElement? ConfigurationToPut { get; init; }

        /// <summary>Whether the bucket's definition marked it protected when the plan was made.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
        public bool Protected { get; init; }

        /// <summary>The bucket's region where the listing told it; absent when unknown (and in older files).</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Region { get; init; }
    }
}
