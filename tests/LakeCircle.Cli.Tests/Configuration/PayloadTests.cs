using LakeCircle.Cli.Configuration;
using LakeCircle.Core.Gateways;
using static LakeCircle.Cli.Tests.Configuration.SettingsFixtures;

namespace LakeCircle.Cli.Tests.Configuration;

public class PayloadTests
{
    private static readonly char Sep = Path.DirectorySeparatorChar;

    [Test]
    public void Get_S3Endpoint_GivesEveryEndpointFolder()
    {
        var payload = new Payload(Valid(("LCC_ENDPOINT", "s3://config-bucket/lifecycle")));

        payload.Get("endpoint.base").Should().Be("s3://config-bucket/lifecycle/");
        payload.Get("endpoint.current").Should().Be("s3://config-bucket/lifecycle/current/");
        payload.Get("endpoint.previous").Should().Be("s3://config-bucket/lifecycle/previous/");
        payload.Get("endpoint.history").Should().Be("s3://config-bucket/lifecycle/history/");
        payload.Get("endpoint.definition").Should().Be("s3://config-bucket/lifecycle/definition/");
        payload.Get("endpoint.data").Should().Be("s3://config-bucket/lifecycle/data/");
        payload.Get("endpoint.log").Should().Be("s3://config-bucket/lifecycle/log/");
        payload.Location("endpoint.definition").Should().Be(EndpointLocation.S3("config-bucket", "lifecycle/definition/"));
    }

    [Test]
    public void Get_LocalEndpoint_GivesAbsoluteFolders()
    {
        var payload = new Payload(Valid(("LCC_ENDPOINT", "defs/")));
        var root = Path.Combine(BaseDirectory, "defs");

        payload.Get("endpoint.base").Should().Be(root + Sep);
        payload.Get("endpoint.definition").Should().Be(Path.Combine(root, "definition") + Sep);
        payload.Get("endpoint.log").Should().Be(Path.Combine(root, "log") + Sep);
        payload.Location("endpoint.current").Kind.Should().Be(EndpointKind.Local);
    }

    [Test]
    public void Get_FileUriEndpoint_MatchesLocalPath()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lc-payload");

        var fromUri = new Payload(Valid(("LCC_ENDPOINT", new Uri(folder).AbsoluteUri)));
        var fromPath = new Payload(Valid(("LCC_ENDPOINT", folder)));

        fromUri.Get("endpoint.history").Should().Be(Path.Combine(folder, "history") + Sep);
        fromUri.Fingerprint.Should().Be(fromPath.Fingerprint);
    }

    [Test]
    public void Get_AppAwsWork_RenderCanonicalText()
    {
        var payload = new Payload(Valid(
            ("LCC_APP_LEVEL", "warning"), ("LCC_LOG_FORMAT", "colortext"), ("LCC_ACTIONS", "dryrun"),
            ("LCC_OUTPUT", "JSON"), ("LCC_S3_ENDPOINT", "http://localhost:7480"),
            ("LCC_ACTION_PARAMS", """{"buckets": ["a-bucket", "b-bucket"], "maxDeletions": 3, "wait": true}""")));

        payload.Get("app.name").Should().Be("LakeCircle");
        payload.Get("app.level").Should().Be("WARNING");
        payload.Get("app.format").Should().Be("COLORTEXT");
        payload.Get("app.output").Should().Be("json");
        payload.Get("aws.account").Should().Be("123456789012");
        payload.Get("aws.region").Should().Be("eu-west-1");
        payload.Get("aws.s3Endpoint").Should().Be("http://localhost:7480/");
        payload.Get("aws.snapshot").Should().BeNull();
        payload.Get("work.actions").Should().Be("DRYRUN");
        payload.Get("work.params").Should().Be(
            """{"buckets":["a-bucket","b-bucket"],"concurrency":16,"writeConcurrency":2,"maxDeletions":3,"detailedExitCode":false,"wait":true}""");
        payload.Get("work.params.buckets").Should().Be("a-bucket,b-bucket");
        payload.Get("work.params.concurrency").Should().Be("16");
        payload.Get("work.params.writeConcurrency").Should().Be("2");
        payload.Get("work.params.maxChanges").Should().BeNull();
        payload.Get("work.params.maxDeletions").Should().Be("3");
        payload.Get("work.params.detailedExitCode").Should().Be("false");
        payload.Get("work.params.wait").Should().Be("true");
        payload.Get("work.params.waitTimeout").Should().Be("60s");
    }

    [Test]
    public void Get_WaitTimeoutSet_InParamsAndItsKey()
    {
        var payload = new Payload(Valid(("LCC_ACTION_PARAMS", """{"wait": true, "waitTimeout": "5m"}""")));

        payload.Get("work.params").Should().EndWith("\"wait\":true,\"waitTimeout\":\"5m\"}");
        payload.Get("work.params.waitTimeout").Should().Be("5m");
        payload.Fingerprint.Should().NotBe(new Payload(Valid(("LCC_ACTION_PARAMS", """{"wait": true}"""))).Fingerprint);
    }

    [Test]
    public void Keys_AreSortedAndHoldValues()
    {
        var payload = new Payload(Valid());

        payload.Keys.Should().BeInAscendingOrder(StringComparer.Ordinal);
        payload.Keys.Should().Contain(["app.name", "endpoint.definition", "aws.account", "work.actions", "work.params"]);
        payload.Keys.Should().NotContain(["aws.s3Endpoint", "aws.snapshot", "work.params.buckets"]);
        payload.Keys.Should().OnlyContain(k => payload.Get(k) != null);
    }

    [Test]
    public void Require_MissingValue_ThrowsNamingKey()
    {
        var payload = new Payload(Valid());

        payload.Require("aws.account").Should().Be("123456789012");
        payload.Invoking(p => p.Require("aws.snapshot")).Should().Throw<KeyNotFoundException>().WithMessage("*'aws.snapshot'*no value*");
        payload.Invoking(p => p.Require("aws.secret")).Should().Throw<KeyNotFoundException>().WithMessage("*no key 'aws.secret'*");
        payload.Get("aws.secret").Should().BeNull();
    }

    [Test]
    public void Location_NotAnEndpointKey_Throws() =>
        new Payload(Valid()).Invoking(p => p.Location("aws.account")).Should().Throw<KeyNotFoundException>().WithMessage("*'aws.account'*");

    [Test]
    public void Fingerprint_IsStableTwelveHexDigits()
    {
        var first = new Payload(Valid()).Fingerprint;

        first.Should().MatchRegex("^[0-9a-f]{12}$");
        new Payload(Valid()).Fingerprint.Should().Be(first);
        new Payload(Valid(("LCC_ACTIONS", "sync"), ("LCC_APP_LEVEL", "info"))).Fingerprint.Should().Be(first, "defaults spelled out change nothing");
    }

    [Test]
    public void Fingerprint_ChangesWithAnySetting()
    {
        var fingerprint = new Payload(Valid()).Fingerprint;

        new Payload(Valid(("LCC_AWS_REGION", "eu-west-2"))).Fingerprint.Should().NotBe(fingerprint);
        new Payload(Valid(("LCC_ACTION_PARAMS", """{"wait": true}"""))).Fingerprint.Should().NotBe(fingerprint);
    }

    [Test]
    public void Fingerprint_IgnoresSecretsAndForeignVariables()
    {
        var fingerprint = new Payload(Valid()).Fingerprint;

        var withSecrets = new Payload(Valid(
            ("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"), ("AWS_SESSION_TOKEN", "token"), ("LCC_UNKNOWN", "x")));

        withSecrets.Fingerprint.Should().Be(fingerprint);
        withSecrets.ToString().Should().NotContain("wJalrXUtnFEMI");
    }

    [Test]
    public void ComputeFingerprint_IsOrderInsensitive() =>
        Payload.ComputeFingerprint([("b", "2"), ("a", "1")]).Should().Be(Payload.ComputeFingerprint([("a", "1"), ("b", "2")]));
}
