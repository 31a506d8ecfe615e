using System.Text;
using System.Text.Json.Nodes;
using LakeCircle.Core.Archive;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Sync;
using LakeCircle.Core.Tests.Gateways;
using LakeCircle.Core.Tests.Support;
using LakeCircle.Core.Tests.Sync;
using static LakeCircle.Core.Tests.Support.WorkflowFixtures;

namespace LakeCircle.Core.Tests.Planning;

/// <summary>Saved plans: the file written and read back, and the apply of exactly what was saved.</summary>
public sealed class SavedPlanTests
{
    private static LakeCircleClient Client(IS3Gateway gateway, StaticDefinitionSource definitions, InMemoryEndpointStore? endpoint = null, Action<LakeCircleClientOptions>? configure = null)
    {
        var options = TestClient.Options();
        configure?.Invoke(options);
        return TestClient.Create(gateway, definitions, endpoint ?? new InMemoryEndpointStore(), options);
    }

    private static async Task<(byte[] Bytes, SavedPlan Saved)> SaveAsync(LakeCircleClient client, PlanOutcome plan)
    {
        using var stream = new MemoryStream();
        var saved = await client.SavePlanAsync(plan, stream);
        return (stream.ToArray(), saved);
    }

    private static Task<PlanOutcome> ReadAsync(byte[] bytes) => LakeCircleClient.ReadPlanAsync(new MemoryStream(bytes));

    private static byte[] Edit(byte[] bytes, Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(bytes)!.AsObject();
        edit(root);
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    [TestCaseSource(typeof(LifecycleShapes), nameof(LifecycleShapes.Configurations))]
    public async Task SaveThenRead_EveryShape_GivesTheSamePlan(LifecycleConfiguration shape)
    {
        var other = LifecycleConfiguration.Of(Rule("other", "o/", 3));
        var desired = new Dictionary<string, LifecycleConfiguration>
        {
            ["to-shape"] = shape, ["from-shape"] = other, ["in-sync"] = shape, ["delete"] = LifecycleConfiguration.Empty, ["missing"] = shape,
        };
        var actual = new Dictionary<string, LifecycleConfiguration?>
        {
            ["to-shape"] = other, ["from-shape"] = shape, ["in-sync"] = shape, ["delete"] = shape, ["bare"] = null, ["unmanaged"] = shape,
        };
        var plan = new PlanOutcome
        {
            Plan = Planner.PlanAccount(desired, actual),
            Account = TestClient.Account,
            Region = "eu-west-1",
            DefinitionsFingerprint = new string('a', 64),
        };
        await using var client = Client(new InMemoryS3Gateway(), Source(Array.Empty<string>()));

        var (bytes, saved) = await SaveAsync(client, plan);
        var read = await ReadAsync(bytes);

        read.Plan.Should().Be(plan.Plan);
        read.Plan!.Buckets.Select(b => b.Status).Should().Contain([BucketStatus.Change, BucketStatus.InSync, BucketStatus.Missing, BucketStatus.Unmanaged]);
        read.Saved.Should().Be(saved);
        read.Saved!.Sha256.Should().Be(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
        (read.Account, read.Region, read.DefinitionsFingerprint).Should().Be((plan.Account, plan.Region, plan.DefinitionsFingerprint));
    }

    [Test]
    public async Task SavedFile_NamesKindVersionOriginAndFingerprints_NoCredentials()
    {
        var (gateway, definitions) = Standard();
        await using var client = Client(gateway, definitions, new InMemoryEndpointStore("state", "prod/"), o => o.Credentials = new Amazon.Runtime.BasicAWSCredentials("AKIAEXAMPLEKEY123456", "secret-key-value"));
        var plan = await client.PlanAsync();

        var (bytes, _) = await SaveAsync(client, plan);

        var text = Encoding.UTF8.GetString(bytes);
        var root = JsonNode.Parse(text)!;
        root["kind"]!.GetValue<string>().Should().Be("lakecircle-plan");
        root["schemaVersion"]!.GetValue<int>().Should().Be(1);
        root["account"]!.GetValue<string>().Should().Be(TestClient.Account);
        root["endpoint"]!.GetValue<string>().Should().Be("s3://state/prod/");
        root["definitionsFingerprint"]!.GetValue<string>().Should().Be(plan.DefinitionsFingerprint).And.HaveLength(64);
        var logs = root["buckets"]!.AsArray().Single(b => b!["bucket"]!.GetValue<string>() == "logs")!;
        logs["actualFingerprint"]!.GetValue<string>().Should().Be(gateway.PeekLifecycle("logs")!.Fingerprint);
        var bare = root["buckets"]!.AsArray().Single(b => b!["bucket"]!.GetValue<string>() == "bare")!;
        bare["actualFingerprint"]!.GetValue<string>().Should().Be("none");
        text.Should().NotContain("AKIAEXAMPLEKEY123456").And.NotContain("secret-key-value");
    }

    [Test]
    public async Task DefinitionsFingerprint_StableAcrossRunsAndFileOrder_ChangesWithADefinition()
    {
        var (gateway, _) = Standard();
        var a = Toml("logs", ("expire", "logs/", 90));
        var b = Toml("backups", ("keep", "nightly/", 365));

        var first = await Client(gateway, Source(a, b)).PlanAsync();
        var again = await Client(gateway, Source(b, a)).PlanAsync();
        var changed = await Client(gateway, Source(Toml("logs", ("expire", "logs/", 91)), b)).PlanAsync();

        first.DefinitionsFingerprint.Should().HaveLength(64).And.Be(again.DefinitionsFingerprint);
        changed.DefinitionsFingerprint.Should().NotBe(first.DefinitionsFingerprint);
    }

    [Test]
    public async Task DefinitionsFingerprint_ChangesWhenABucketIsMarkedProtected_AndBackWhenUnmarked()
    {
        var (gateway, _) = Standard();
        var logs = Toml("logs", ("expire", "logs/", 90));
        var b = Toml("backups", ("keep", "nightly/", 365));
        var protectedLogs = logs.Replace("[LifecycleConfiguration]", "[LakeCircle]\nProtected = true\n\n[LifecycleConfiguration]", StringComparison.Ordinal);
        var unprotectedLogs = logs.Replace("[LifecycleConfiguration]", "[LakeCircle]\nProtected = false\n\n[LifecycleConfiguration]", StringComparison.Ordinal);

        var plain = await Client(gateway, Source(logs, b)).PlanAsync();
        var marked = await Client(gateway, Source(protectedLogs, b)).PlanAsync();
        var unmarked = await Client(gateway, Source(unprotectedLogs, b)).PlanAsync();

        marked.Diagnostics.Should().BeEmpty();
        marked.Plan!.Buckets.Single(p => p.Bucket == "logs").Protected.Should().BeTrue();
        marked.DefinitionsFingerprint.Should().HaveLength(64).And.NotBe(plain.DefinitionsFingerprint, "a saved plan must say that protection changed since");
        unmarked.DefinitionsFingerprint.Should().Be(plain.DefinitionsFingerprint, "Protected = false is what no table means");
        plain.Plan!.Buckets.Select(p => p.Desired).Should().Equal(marked.Plan.Buckets.Select(p => p.Desired), "the lifecycle configuration is unchanged");
    }

    [Test]
    public async Task ApplyAsync_SavedPlan_WritesExactlyThePlanWithoutReadingDefinitions_RecordNamesTheFile()
    {
        var (gateway, definitions) = Standard();
        var endpoint = new InMemoryEndpointStore();
        await using var client = Client(gateway, definitions, endpoint);
        var (bytes, saved) = await SaveAsync(client, await client.PlanAsync());
        var plan = await ReadAsync(bytes);
        var reads = definitions.Reads;

        var run = await client.ApplyAsync(plan);

        run.Status.Should().Be(RunStatus.Succeeded, string.Join("; ", run.Errors));
        definitions.Reads.Should().Be(reads, "a saved plan is applied without reading the definitions again");
        run.Buckets.Select(b => (b.Bucket, b.Result)).Should().Equal(("bare", BucketResult.Applied), ("logs", BucketResult.Applied));
        ConfigurationComparison.SameMeaning(plan.Plan!.Buckets.Single(b => b.Bucket == "logs").ConfigurationToPut, gateway.PeekLifecycle("logs"))
            .Should().BeTrue("the server holds the configuration the plan puts");
        var log = new RunLog(endpoint, []);
        var record = await log.ReadAsync((await log.ListAsync()).Single());
        record!.PlanSha256.Should().Be(saved.Sha256);
        record.DefinitionsFingerprint.Should().Be(plan.DefinitionsFingerprint);
        record.Action.Should().Be("SYNC");
    }

    [Test]
    public async Task ApplyAsync_BucketChangedSinceThePlan_NothingWrittenAndTheBucketNamed()
    {
        var (gateway, definitions) = Standard();
        await using var client = Client(gateway, definitions);
        var plan = await ReadAsync((await SaveAsync(client, await client.PlanAsync())).Bytes);
        var before = gateway.PeekLifecycle("logs");
        var changed = LifecycleConfiguration.Of(Rule("expire", "logs/", 45));
        gateway.SetLifecycle("logs", changed);
        var puts = gateway.CallCount(S3Operations.PutBucketLifecycleConfiguration);

        var run = await client.ApplyAsync(plan);

        run.Status.Should().Be(RunStatus.Stopped);
        var message = $"logs changed since the plan was made (its configuration is now {changed.Fingerprint[..12]}, the plan was made from {before!.Fingerprint[..12]}): not applied; make a new plan";
        run.Error.Should().Contain(message).And.StartWith("The plan is out of date, nothing was written");
        run.Buckets.Should().OnlyContain(b => b.Result == BucketResult.Skipped);
        run.Buckets.Single(b => b.Bucket == "logs").Error.Should().Be(message);
        gateway.CallCount(S3Operations.PutBucketLifecycleConfiguration).Should().Be(puts, "no bucket is written, not even the unchanged one");
        gateway.PeekLifecycle("logs").Should().Be(changed);
        gateway.PeekLifecycle("bare").Should().BeNull();
    }

    [Test]
    public async Task ApplyAsync_BucketChangedBetweenTheCheckAndItsWrite_RefusedNotReplanned_OthersApplied()
    {
        var (inner, definitions) = Standard();
        var gateway = new ReadHookGateway(inner);
        await using var client = Client(gateway, definitions);
        var plan = await ReadAsync((await SaveAsync(client, await client.PlanAsync())).Bytes);
        var changed = LifecycleConfiguration.Of(Rule("expire", "logs/", 90), Rule("new", "new/", 7), Rule("extra", "x/", 1));

        // Reads of logs: 1 the plan, 2 the check before the first write, 3 the re-check just before its own write.
        gateway.BeforeRead = (bucket, n) =>
        {
            if (bucket == "logs" && n == 3)
            {
                inner.SetLifecycle("logs", changed);
            }
        };
        var run = await client.ApplyAsync(plan);

        run.Status.Should().Be(RunStatus.Failed);
        var logs = run.Buckets.Single(b => b.Bucket == "logs");
        logs.Result.Should().Be(BucketResult.Failed);
        logs.Error.Should().Contain("logs changed since the plan was made").And.EndWith("not applied; make a new plan");
        inner.PeekLifecycle("logs").Should().Be(changed, "the change is kept, not overwritten by a re-plan");
        run.Buckets.Single(b => b.Bucket == "bare").Result.Should().Be(BucketResult.Applied);
    }

    [Test]
    public async Task ApplyAsync_BucketGoneSinceThePlan_NothingWritten()
    {
        var (gateway, definitions) = Standard();
        await using var client = Client(gateway, definitions);
        var plan = await ReadAsync((await SaveAsync(client, await client.PlanAsync())).Bytes);
        var withoutLogs = new InMemoryS3Gateway().AddBucket("bare");
        await using var applying = Client(withoutLogs, definitions);

        var run = await applying.ApplyAsync(plan);

        run.Status.Should().Be(RunStatus.Stopped);
        run.Error.Should().Contain("logs could not be checked against the plan").And.Contain("no longer exists");
        withoutLogs.PeekLifecycle("bare").Should().BeNull();
    }

    [TestCase("Account", "999999999999", "account 123456789012, not 999999999999")]
    [TestCase("Region", "us-east-1", "region eu-west-1, not us-east-1")]
    public async Task ApplyAsync_OtherAccountOrRegion_RefusedNothingWritten(string option, string value, string expected)
    {
        var (gateway, definitions) = Standard();
        var endpoint = new InMemoryEndpointStore();
        await using var maker = Client(gateway, definitions, endpoint);
        var plan = await ReadAsync((await SaveAsync(maker, await maker.PlanAsync())).Bytes);
        await using var other = Client(gateway, definitions, endpoint, o =>
        {
            if (option == "Account")
            {
                o.Account = value;
            }
            else
            {
                o.Region = value;
            }
        });

        var run = await other.ApplyAsync(plan);

        run.Status.Should().Be(RunStatus.Refused);
        run.Refusal.Should().Contain(expected).And.Contain("nothing was written");
        gateway.CallCount(S3Operations.PutBucketLifecycleConfiguration).Should().Be(0);
        endpoint.Keys.Should().OnlyContain(k => k.StartsWith("log/", StringComparison.Ordinal), "a refused run takes no lock and archives nothing");
    }

    [Test]
    public async Task ApplyAsync_OtherEndpoint_Refused()
    {
        var (gateway, definitions) = Standard();
        await using var maker = Client(gateway, definitions, new InMemoryEndpointStore("staging"));
        var plan = await ReadAsync((await SaveAsync(maker, await maker.PlanAsync())).Bytes);
        await using var other = Client(gateway, definitions, new InMemoryEndpointStore("prod"));

        var run = await other.ApplyAsync(plan);

        run.Status.Should().Be(RunStatus.Refused);
        run.Refusal.Should().Contain("endpoint s3://staging/, not s3://prod/");
        gateway.CallCount(S3Operations.PutBucketLifecycleConfiguration).Should().Be(0);
    }

    [Test]
    public async Task ApplyAsync_SavedPlan_ChangeLimitsOfTheApplyingRunHold()
    {
        var (gateway, definitions) = Standard();
        await using var maker = Client(gateway, definitions);
        var plan = await ReadAsync((await SaveAsync(maker, await maker.PlanAsync())).Bytes);
        await using var limited = Client(gateway, definitions, configure: o => o.MaxChanges = 1);

        var run = await limited.ApplyAsync(plan);

        run.Status.Should().Be(RunStatus.Stopped);
        run.Error.Should().Contain("maxChanges");
        gateway.CallCount(S3Operations.PutBucketLifecycleConfiguration).Should().Be(0);
    }

    [Test]
    public async Task ReadPlanAsync_EditedConfiguration_RefusedAsChanged()
    {
        var (gateway, definitions) = Standard();
        await using var client = Client(gateway, definitions);
        var (bytes, _) = await SaveAsync(client, await client.PlanAsync());
        var edited = Edit(bytes, root =>
        {
            var logs = root["buckets"]!.AsArray().Single(b => b!["bucket"]!.GetValue<string>() == "logs")!;
            logs["configurationToPut"]!["Rules"]![0]!["Expiration"]!["Days"] = 1;
            logs["desired"]!["Rules"]![0]!["Expiration"]!["Days"] = 1;
        });

        var act = () => ReadAsync(edited);

        (await act.Should().ThrowAsync<InvalidDataException>()).WithMessage("*changed after it was made*make a new plan*");
    }

    [TestCase("account", "999999999999")]
    [TestCase("endpoint", "s3://elsewhere/")]
    [TestCase("createdAt", "2020-01-01T00:00:00+00:00")]
    public async Task ReadPlanAsync_EditedHead_RefusedAsChanged(string member, string value)
    {
        var (gateway, definitions) = Standard();
        await using var client = Client(gateway, definitions);
        var (bytes, _) = await SaveAsync(client, await client.PlanAsync());

        var act = () => ReadAsync(Edit(bytes, root => root[member] = value));

        (await act.Should().ThrowAsync<InvalidDataException>()).WithMessage("*changed after it was made*");
    }

    [Test]
    public async Task ReadPlanAsync_StoredPlanThatItsConfigurationsDoNotGive_Refused()
    {
        var (gateway, definitions) = Standard();
        await using var client = Client(gateway, definitions);
        var (bytes, _) = await SaveAsync(client, await client.PlanAsync());

        // An in-sync bucket turned into a DELETE: the stored configurations say otherwise (checked before the checksum).
        var act = () => ReadAsync(Edit(bytes, root =>
        {
            var backups = root["buckets"]!.AsArray().Single(b => b!["bucket"]!.GetValue<string>() == "backups")!;
            backups["status"] = "change";
            backups["action"] = "delete";
        }));

        (await act.Should().ThrowAsync<InvalidDataException>()).WithMessage("*backups*is not what its stored configurations give*");
    }

    [TestCase("""{"kind":"lakecircle-plan","schemaVersion":2}""", "*schema version 2*reads version 1*")]
    [TestCase("""{"kind":"something-else","schemaVersion":1}""", "*not a LakeCircle plan*'something-else'*")]
    [TestCase("""{"schemaVersion":1}""", "*not a LakeCircle plan*missing*")]
    [TestCase("""{"kind":"lakecircle-plan","schemaVersion":1,""", "*not valid JSON*")]
    [TestCase("""{"kind":"lakecircle-plan"}""", "*no schemaVersion*")]
    [TestCase("""{"kind":"lakecircle-plan","schemaVersion":1}""", "*not valid*")]
    public async Task ReadPlanAsync_NotAPlanOfThisVersion_ClearError(string json, string expected)
    {
        var act = () => ReadAsync(Encoding.UTF8.GetBytes(json));

        (await act.Should().ThrowAsync<InvalidDataException>()).WithMessage(expected);
    }

    [Test]
    public async Task ReadPlanAsync_UnknownMember_Refused()
    {
        var (gateway, definitions) = Standard();
        await using var client = Client(gateway, definitions);
        var (bytes, _) = await SaveAsync(client, await client.PlanAsync());

        var act = () => ReadAsync(Edit(bytes, root => root["maxChanges"] = 5));

        (await act.Should().ThrowAsync<InvalidDataException>()).WithMessage("*not valid*");
    }

    [Test]
    public async Task SavePlanAsync_PlanWithErrors_NotSaved()
    {
        var gateway = new InMemoryS3Gateway();
        await using var client = Client(gateway, Source(("bad.toml", "BucketName = \n")));
        var plan = await client.PlanAsync();
        using var stream = new MemoryStream();

        var act = () => client.SavePlanAsync(plan, stream);

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*Only a complete plan can be saved*");
        stream.Length.Should().Be(0);
    }
}
