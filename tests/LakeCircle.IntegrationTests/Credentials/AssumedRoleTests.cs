using Amazon.Runtime;
using Amazon.S3;
using ListBucketsRequest = Amazon.S3.Model.ListBucketsRequest;
using LakeCircle.Cli.Credentials;
using LakeCircle.Core;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.IntegrationTests.Support;

namespace LakeCircle.IntegrationTests.Credentials;

/// <summary>
/// A target's role resolved through <see cref="TargetCredentials"/> and assumed for real with the local server's STS
/// (radosgw, <c>rgw s3 auth use sts</c>): the role <c>LCC_TEST_S3_ROLE_ARN</c> trusts the main user only, and its
/// session acts as that user.
/// </summary>
public sealed class AssumedRoleTests
{
    private const string RoleVariable = "LCC_TEST_S3_ROLE_ARN";
    private const string StsVariable = "LCC_TEST_S3_STS_ENDPOINT";
    private string _roleArn = "";
    private Uri _sts = null!;
    private DirectoryInfo _folder = null!;
    private ProfileFiles _files = null!;

    private static S3TestServer Server => S3TestServer.Current;

    [SetUp]
    public void SetUp()
    {
        var role = Environment.GetEnvironmentVariable(RoleVariable);
        var sts = Environment.GetEnvironmentVariable(StsVariable);
        if (string.IsNullOrEmpty(role) || string.IsNullOrEmpty(sts))
        {
            Assert.Fail($"{RoleVariable} and {StsVariable} are not set: the local S3 server predates its STS role; restart it " +
                "(`scripts/local-s3.sh stop && scripts/local-s3.sh start`) and load `scripts/local-s3.sh env` again.");
        }

        _roleArn = role!;
        _sts = new Uri(sts!);
        _folder = Directory.CreateTempSubdirectory("lakecircle-it-profiles-");
        var credentials = Path.Combine(_folder.FullName, "credentials");
        File.WriteAllText(credentials, $"""
            [main]
            aws_access_key_id = {Server.AccessKeyId}
            aws_secret_access_key = {Server.SecretKey}

            [other]
            aws_access_key_id = {Environment.GetEnvironmentVariable("LCC_TEST_S3_OTHER_ACCESS_KEY")}
            aws_secret_access_key = {Environment.GetEnvironmentVariable("LCC_TEST_S3_OTHER_SECRET_KEY")}
            """);
        _files = ProfileFiles.At(credentials);
    }

    [TearDown]
    public void TearDown() => _folder.Delete(recursive: true);

    private RoleCredentials Role(string? profile, TimeSpan? duration = null)
    {
        var result = TargetCredentials.Resolve(new TargetCredentialRequest
        {
            Profile = profile,
            RoleArn = _roleArn,
            Region = S3TestServer.Region,
            StsUrl = _sts,
            Duration = duration ?? TimeSpan.FromMinutes(15),
        }, _files);
        result.Error.Should().BeNull();
        return result.Role!;
    }

    [Test]
    public async Task AssumedRole_FromProfile_ListsTheMainUsersBucketsAndPlansThem()
    {
        var bucket = await Server.Buckets.CreateAsync("sts-plan");
        using var gateway = Server.CreateGateway();
        await gateway.PutLifecycleAsync(bucket, LifecycleConfiguration.Of(new LifecycleRule
        {
            Id = "old", Filter = new LifecycleFilter { Prefix = "logs/" }, Expiration = new LifecycleExpiration { Days = 7 },
        }));
        var desired = LifecycleConfiguration.Of(new LifecycleRule
        {
            Id = "old", Filter = new LifecycleFilter { Prefix = "logs/" }, Expiration = new LifecycleExpiration { Days = 30 },
        });
        var folder = Directory.CreateTempSubdirectory("lakecircle-it-");
        try
        {
            Directory.CreateDirectory(Path.Combine(folder.FullName, "definition"));
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "definition", bucket + ".toml"), TomlText.Bucket(bucket, desired));
            using var role = Role("main");

            await role.ProbeAsync();
            var session = await role.GetCredentialsAsync();
            using var s3 = new AmazonS3Client(role, new AmazonS3Config { ServiceURL = Server.Endpoint, ForcePathStyle = true, AuthenticationRegion = S3TestServer.Region });
            var listed = await s3.ListBucketsAsync(new ListBucketsRequest());
            await using var client = new LakeCircleClient(new LakeCircleClientOptions
            {
                Account = "123456789012",
                Region = S3TestServer.Region,
                Endpoint = folder.FullName,
                ServiceUrl = new Uri(Server.Endpoint),
                Credentials = role,
                VerifyTimeout = TimeSpan.FromSeconds(5),
            });
            var plan = await client.PlanAsync([bucket]);

            session.AccessKey.Should().NotBe(Server.AccessKeyId, "the session has keys of its own");
            session.Token.Should().NotBeNullOrEmpty();
            listed.Owner.Id.Should().Be("lakecircle", "the session acts as the user who assumed the role");
            listed.Buckets.Select(b => b.BucketName).Should().Contain(bucket);
            plan.Error.Should().BeNull();
            var planned = plan.Plan!.Buckets.Should().ContainSingle().Subject;
            planned.Status.Should().Be(BucketStatus.Change, "the server's rule expires after 7 days, the definition says 30");
            role.AssumeCount.Should().Be(1, "one session serves the probe, the listing and the plan");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public async Task AssumedRole_FromTheDefaultChain_IsTheMainUsersSession()
    {
        // The suite puts the main user's keys in the process environment, the first source of the SDK's chain.
        using var role = Role(profile: null);

        await role.ProbeAsync();
        using var s3 = new AmazonS3Client(role, new AmazonS3Config { ServiceURL = Server.Endpoint, ForcePathStyle = true, AuthenticationRegion = S3TestServer.Region });
        var listed = await s3.ListBucketsAsync(new ListBucketsRequest());

        listed.Owner.Id.Should().Be("lakecircle");
        role.AssumeCount.Should().Be(1);
    }

    [Test]
    public async Task AssumedRole_LongerThanTheRolesMaximumSession_IsRefusedByTheServer()
    {
        // radosgw gives a role a maximum session of 3600 s unless told otherwise; AWS STS also fails a longer request
        // ("If you specify a value higher than this setting ... the operation fails", AssumeRole, DurationSeconds).
        using var role = Role("main", TimeSpan.FromHours(2));

        var probe = async () => await role.ProbeAsync();

        (await probe.Should().ThrowAsync<RoleAssumptionException>()).Which.Message
            .Should().Be($"could not assume role {_roleArn}: InvalidArgument: no message (HTTP 400)");
    }

    [Test]
    public async Task AssumedRole_ByAUserTheTrustPolicyDoesNotName_FailsWithTheRoleAndAccessDenied()
    {
        using var role = Role("other");

        var probe = async () => await role.ProbeAsync();

        var thrown = (await probe.Should().ThrowAsync<RoleAssumptionException>()).Which;
        thrown.Message.Should().StartWith($"could not assume role {_roleArn}: AccessDenied: ");
        thrown.ErrorCode.Should().Be("AccessDenied");
        thrown.Message.Should().NotContain(Server.SecretKey).And.NotContain(Environment.GetEnvironmentVariable("LCC_TEST_S3_OTHER_SECRET_KEY"));
    }
}
