using System.Net;
using Amazon.Runtime;
using LakeCircle.Cli.Credentials;

namespace LakeCircle.Cli.Tests.Credentials;

/// <summary>AssumeRole through the SDK's own marshalling, against a stand-in STS on 127.0.0.1.</summary>
public sealed class RoleCredentialsTests
{
    private const string RoleArn = "arn:aws:iam::123456789012:role/lakecircle";
    private const string SourceKey = "AKIASOURCEEXAMPLE001";
    private const string SourceSecret = "source-secret-value-01";
    private const string OtherKey = "AKIAOTHEREXAMPLE0002";
    private FakeSts _sts = null!;
    private DirectoryInfo _folder = null!;
    private ProfileFiles _files = null!;

    [SetUp]
    public void SetUp()
    {
        _sts = new FakeSts();
        _folder = Directory.CreateTempSubdirectory("lakecircle-profiles-");
        var credentials = Path.Combine(_folder.FullName, "credentials");
        File.WriteAllText(credentials, $"""
            [source]
            aws_access_key_id = {SourceKey}
            aws_secret_access_key = {SourceSecret}

            [other]
            aws_access_key_id = {OtherKey}
            aws_secret_access_key = other-secret-value-02
            """);
        _files = ProfileFiles.At(credentials);
    }

    [TearDown]
    public void TearDown()
    {
        _sts.Dispose();
        _folder.Delete(recursive: true);
    }

    private RoleCredentials Resolve(TargetCredentialRequest request)
    {
        var result = TargetCredentials.Resolve(request with { StsUrl = _sts.Url }, _files);
        result.Error.Should().BeNull();
        return result.Role!;
    }

    private static TargetCredentialRequest Request() => new() { Profile = "source", RoleArn = RoleArn, Region = "eu-west-1" };

    [Test]
    public async Task Probe_SendsAssumeRoleWithEveryParameter_SignedWithTheProfile()
    {
        using var role = Resolve(Request() with { ExternalId = "ext-1234", SessionName = "nightly@ci", Duration = TimeSpan.FromSeconds(900) });

        await role.ProbeAsync();

        var request = _sts.Requests.Should().ContainSingle().Subject;
        request.Method.Should().Be("POST");
        request.Form.Should().Contain(new Dictionary<string, string>
        {
            ["Action"] = "AssumeRole",
            ["RoleArn"] = RoleArn,
            ["RoleSessionName"] = "nightly@ci",
            ["ExternalId"] = "ext-1234",
            ["DurationSeconds"] = "900",
        });
        request.Authorization.Should().Contain($"Credential={SourceKey}/").And.Contain("/eu-west-1/sts/aws4_request");
        var keys = await role.GetCredentialsAsync();
        keys.AccessKey.Should().Be(FakeSts.AccessKeyOf(1));
        keys.SecretKey.Should().Be("fake-secret-1");
        keys.Token.Should().Be("fake-token-1");
        role.AssumeCount.Should().Be(1);
    }

    [Test]
    public async Task Probe_Defaults_SendsSessionNameLakecircleAndOneHour()
    {
        using var role = Resolve(Request());

        await role.ProbeAsync();

        var form = _sts.Requests.Should().ContainSingle().Subject.Form;
        form["RoleSessionName"].Should().Be("lakecircle");
        form["DurationSeconds"].Should().Be("3600");
        form.Should().NotContainKey("ExternalId");
    }

    [Test]
    public async Task Probe_SourceProfile_SignsWithItRatherThanTheProfile()
    {
        using var role = Resolve(Request() with { SourceProfile = "other" });

        await role.ProbeAsync();

        _sts.Requests.Should().ContainSingle().Which.Authorization.Should().Contain($"Credential={OtherKey}/");
    }

    [Test]
    public async Task GetCredentials_Twice_AssumesOnce()
    {
        using var role = Resolve(Request());

        var first = await role.GetCredentialsAsync();
        var second = await role.GetCredentialsAsync();

        second.Should().BeSameAs(first);
        _sts.Issued.Should().Be(1);
    }

    [Test]
    public async Task GetCredentials_AfterExpiry_AssumesAgain()
    {
        _sts.Lifetime = TimeSpan.FromSeconds(4);
        using var role = Resolve(Request());
        role.PreemptExpiryTime = TimeSpan.Zero;
        role.ExpirationBuffer = TimeSpan.Zero;

        var first = await role.GetCredentialsAsync();
        var expiry = role.Expiration!.Value;
        while (DateTime.UtcNow <= expiry + TimeSpan.FromMilliseconds(100))
        {
            await Task.Delay(100);
        }

        var second = await role.GetCredentialsAsync();

        first.AccessKey.Should().Be(FakeSts.AccessKeyOf(1));
        second.AccessKey.Should().Be(FakeSts.AccessKeyOf(2), "expired credentials are replaced before use");
        _sts.Issued.Should().Be(2);
        role.AssumeCount.Should().Be(2);
    }

    [Test]
    public async Task GetCredentials_WithinThePreemptWindow_RefreshesInTheBackgroundBeforeExpiry()
    {
        _sts.Lifetime = TimeSpan.FromMinutes(10);
        using var role = Resolve(Request());
        role.PreemptExpiryTime.Should().Be(TimeSpan.FromMinutes(5));
        role.PreemptExpiryTime = TimeSpan.FromMinutes(15);

        var first = await role.GetCredentialsAsync();
        var during = await role.GetCredentialsAsync();
        var after = during;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (after.AccessKey == first.AccessKey && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            after = await role.GetCredentialsAsync();
        }

        during.AccessKey.Should().Be(first.AccessKey, "the current credentials serve while new ones are fetched");
        _sts.Issued.Should().BeGreaterThanOrEqualTo(2, "credentials within the window are assumed again before they expire");
        after.AccessKey.Should().NotBe(first.AccessKey);
    }

    [Test]
    public async Task Probe_StsRefuses_ThrowsTheRoleTheCodeAndTheMessage()
    {
        _sts.Answer = _ => (HttpStatusCode.Forbidden, FakeSts.Error("AccessDenied", $"User: arn:aws:iam::111122223333:user/ci is not authorized to perform: sts:AssumeRole on resource: {RoleArn}"));
        using var role = Resolve(Request() with { ExternalId = "ext-secret-9876" });

        var probe = async () => await role.ProbeAsync();

        var thrown = (await probe.Should().ThrowAsync<RoleAssumptionException>()).Which;
        thrown.Message.Should().Be($"could not assume role {RoleArn}: AccessDenied: User: arn:aws:iam::111122223333:user/ci is not authorized to perform: sts:AssumeRole on resource: {RoleArn}");
        thrown.ErrorCode.Should().Be("AccessDenied");
        thrown.Should().BeAssignableTo<AmazonClientException>("calls signed with the role fail with this message");
        thrown.Message.Should().NotContain(SourceSecret).And.NotContain("ext-secret-9876");
        role.AssumeCount.Should().Be(0);
    }

    [Test]
    public async Task Probe_StsRefusesWithoutMessage_ThrowsTheCodeAndTheStatusNotTheBody()
    {
        _sts.Answer = _ => (HttpStatusCode.BadRequest, FakeSts.Error("InvalidArgument", ""));
        using var role = Resolve(Request());

        var probe = async () => await role.ProbeAsync();

        (await probe.Should().ThrowAsync<RoleAssumptionException>()).Which.Message
            .Should().Be($"could not assume role {RoleArn}: InvalidArgument: no message (HTTP 400)");
    }

    [Test]
    public async Task GetCredentials_AfterARefusal_TriesAgain()
    {
        _sts.Answer = call => call == 1 ? (HttpStatusCode.Forbidden, FakeSts.Error("AccessDenied", "not yet")) : null;
        using var role = Resolve(Request());

        var refused = async () => await role.GetCredentialsAsync();
        await refused.Should().ThrowAsync<RoleAssumptionException>();
        var keys = await role.GetCredentialsAsync();

        keys.AccessKey.Should().Be(FakeSts.AccessKeyOf(1));
    }

    [Test]
    public async Task Probe_Cancelled_StopsWaiting()
    {
        using var role = Resolve(Request());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var probe = async () => await role.ProbeAsync(cancelled.Token);

        await probe.Should().ThrowAsync<OperationCanceledException>();
    }
}
