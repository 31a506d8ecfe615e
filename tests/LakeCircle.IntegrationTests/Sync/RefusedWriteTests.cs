using Amazon.Runtime;
using LakeCircle.Core;
using LakeCircle.Core.Model;
using LakeCircle.Core.Sync;
using LakeCircle.IntegrationTests.Support;

namespace LakeCircle.IntegrationTests.Sync;

/// <summary>
/// A PUT the real server refuses (a bucket policy denying <c>s3:PutLifecycleConfiguration</c>) leaves the archive
/// telling the truth: the version saved before it is marked refused, <c>previous/</c> keeps the configuration the last
/// applied change replaced, and a rollback undoes that change instead of answering "in sync".
/// </summary>
public sealed class RefusedWriteTests
{
    private static S3TestServer Server => S3TestServer.Current;

    private static LifecycleRule Rule(int days) =>
        new() { Id = "expire", Filter = new LifecycleFilter { Prefix = "logs/" }, Expiration = new LifecycleExpiration { Days = days } };

    private static async Task<LakeCircleClient> ClientAsync(string folder, string bucket, int days)
    {
        Directory.CreateDirectory(Path.Combine(folder, "definition"));
        await File.WriteAllTextAsync(Path.Combine(folder, "definition", bucket + ".toml"), TomlText.Bucket(bucket, LifecycleConfiguration.Of(Rule(days))));
        return new LakeCircleClient(new LakeCircleClientOptions
        {
            Account = "123456789012",
            Region = S3TestServer.Region,
            Endpoint = folder,
            ServiceUrl = new Uri(Server.Endpoint),
            Credentials = new BasicAWSCredentials(Server.AccessKeyId, Server.SecretKey),
            WriteConcurrency = 1,
            VerifyTimeout = TimeSpan.FromSeconds(5),
        });
    }

    [Test]
    public async Task Rollback_AfterAPutRefusedByTheServer_UndoesTheLastAppliedChange()
    {
        var bucket = await Server.Buckets.CreateAsync("refused");
        using var gateway = Server.CreateGateway();
        using var s3 = Server.CreateClient();
        await gateway.PutLifecycleAsync(bucket, LifecycleConfiguration.Of(Rule(30)));
        var folder = Directory.CreateTempSubdirectory("lakecircle-it-");
        try
        {
            await using (var toB = await ClientAsync(folder.FullName, bucket, 60))
            {
                (await toB.SyncAsync([bucket])).Status.Should().Be(RunStatus.Succeeded);
            }

            await s3.PutBucketPolicyAsync(new Amazon.S3.Model.PutBucketPolicyRequest
            {
                BucketName = bucket,
                Policy = $$"""
                    {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*",
                      "Action": "s3:PutLifecycleConfiguration", "Resource": "arn:aws:s3:::{{bucket}}"}]}
                    """,
            });
            await using (var toC = await ClientAsync(folder.FullName, bucket, 90))
            {
                var refused = await toC.SyncAsync([bucket]);
                refused.Buckets.Should().ContainSingle().Which.Result.Should().Be(BucketResult.Failed);
                refused.Buckets.Single().Error.Should().Contain("403");
            }

            await s3.DeleteBucketPolicyAsync(new Amazon.S3.Model.DeleteBucketPolicyRequest { BucketName = bucket });
            await using var client = await ClientAsync(folder.FullName, bucket, 90);
            var history = await client.GetHistoryAsync(bucket);
            var rollback = await client.RollbackAsync(bucket);

            history.Select(h => h.Replaced).Should().Equal([false, true], "the refused PUT left 60 days in place; the first sync replaced 30");
            rollback.Status.Should().Be(RunStatus.Succeeded);
            rollback.HasChanges.Should().BeTrue("60 days is not what the bucket had before the last applied change");
            (await gateway.GetLifecycleAsync(bucket))!.Rules.Single().Expiration!.Days.Should().Be(30);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
