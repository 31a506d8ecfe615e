using System.Text.Json;
using LakeCircle.Core.Archive;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Model;
using LakeCircle.Core.Sync;
using LakeCircle.IntegrationTests.Support;

namespace LakeCircle.IntegrationTests.EndToEnd;

/// <summary>
/// A rule the server silently drops (a size filter, which Ceph 16.2 does not keep) in one bucket's definition, synced
/// through the command line with an <c>s3://</c> endpoint: that bucket fails and keeps its old configuration, the others
/// are applied, and the run record says why.
/// </summary>
[NonParallelizable]
public sealed class VerificationEndToEndTests
{
    private static readonly LifecycleConfiguration Old = LifecycleConfiguration.Of(
        new LifecycleRule { Id = "old", Filter = new LifecycleFilter { Prefix = "old/" }, Expiration = new LifecycleExpiration { Days = 9 } });

    private static readonly LifecycleConfiguration SizeFiltered = LifecycleConfiguration.Of(new LifecycleRule
    {
        Id = "large",
        Filter = new LifecycleFilter { And = new LifecycleAndOperator { Prefix = "big/", ObjectSizeGreaterThan = 1_073_741_824 } },
        Expiration = new LifecycleExpiration { Days = 30 },
    });

    private AwsS3Gateway _gateway = null!;
    private CliEndpoint _endpoint = null!;
    private IReadOnlyList<string> _buckets = [];

    private static S3TestServer Server => S3TestServer.Current;

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        _gateway = Server.CreateGateway();
        _endpoint = new CliEndpoint(await Server.Buckets.CreateAsync("e2e-verify-config"), "sizefilter/");
        _buckets = await Server.Buckets.CreateManyAsync("e2e-verify", 3);
        for (var i = 0; i < _buckets.Count; i++)
        {
            await _gateway.PutLifecycleAsync(_buckets[i], Old);
            await _endpoint.PutDefinitionAsync(_buckets[i], TomlText.Bucket(_buckets[i], Desired(i)));
        }
    }

    [OneTimeTearDown]
    public void TearDown()
    {
        _gateway?.Dispose();
        _endpoint?.Dispose();
    }

    [Test]
    public async Task Sync_SizeFilterTheServerDrops_FailsThatBucketOnlyAndTheRunRecordSaysWhy()
    {
        var sync = await _endpoint.RunAsync("sync", "-o", "json");

        sync.ExitCode.Should().Be(1, sync.ToString());
        using var document = JsonDocument.Parse(sync.Output);
        var results = document.RootElement.GetProperty("buckets").EnumerateArray()
            .Where(b => _buckets.Contains(b.GetProperty("name").GetString()))
            .ToDictionary(b => b.GetProperty("name").GetString()!, b => b.GetProperty("result"));
        results[_buckets[0]].GetProperty("status").GetString().Should().Be("failed");
        results[_buckets[0]].GetProperty("error").GetString().Should().Contain("Filter.ObjectSizeGreaterThan");
        _buckets.Skip(1).Select(b => results[b].GetProperty("status").GetString()).Should().AllBe("applied");
        for (var i = 0; i < _buckets.Count; i++)
        {
            (await _gateway.GetLifecycleAsync(_buckets[i]))!.Fingerprint.Should().Be((i == 0 ? Old : Desired(i)).Fingerprint);
        }

        var store = _endpoint.Store;
        var record = await new RunLog(store).ReadAsync((await new RunLog(store).ListAsync()).Single());
        record!.Succeeded.Should().BeFalse();
        var failed = record.Buckets.Single(b => b.Bucket == _buckets[0]);
        failed.Result.Should().Be(RunBucketResult.Failed);
        failed.Error.Should().Contain("Filter.ObjectSizeGreaterThan: 1073741824 -> (none)");
        record.Buckets.Where(b => _buckets.Skip(1).Contains(b.Bucket)).Select(b => b.Result).Should().Equal(RunBucketResult.Applied, RunBucketResult.Applied);
        (await store.TryReadAsync(RunLock.Key)).Should().BeNull("a failed run releases its lock");
        var archive = new ConfigurationArchive(store);
        (await archive.ReadCurrentAsync(_buckets[0])).Should().BeNull("current/ only holds what passed verification");
        (await archive.ReadPreviousAsync(_buckets[0])).Should().BeNull("the old configuration is in place again: it was not replaced");
        var saved = (await archive.ListHistoryAsync(_buckets[0])).Should().ContainSingle().Subject;
        var version = await archive.ReadAsync(saved.Key);
        version!.Configuration!.Fingerprint.Should().Be(Old.Fingerprint, "the old configuration was saved before the write");
        version.Write.Should().Be(WriteOutcome.Restored);
    }

    [Test]
    [DependsOnTest(nameof(Sync_SizeFilterTheServerDrops_FailsThatBucketOnlyAndTheRunRecordSaysWhy), AllowFailure = true)]
    public Task EveryRun_OutputsAndEndpointObjects_NeverShowTheCredentials() => _endpoint.ShouldNotShowSecretsAsync();

    private static LifecycleConfiguration Desired(int index) => index == 0
        ? SizeFiltered
        : LifecycleConfiguration.Of(new LifecycleRule
        {
            Id = $"new-{index}",
            Filter = new LifecycleFilter { Prefix = $"new{index}/" },
            Expiration = new LifecycleExpiration { Days = 10 + index },
        });
}
