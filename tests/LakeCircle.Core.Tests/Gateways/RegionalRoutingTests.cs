using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Sync;
using LakeCircle.Core.Tests.Support;
using LakeCircle.Core.Tests.Sync;
using Microsoft.Extensions.Logging.Abstractions;
using static LakeCircle.Core.Tests.Support.WorkflowFixtures;

namespace LakeCircle.Core.Tests.Gateways;

/// <summary>
/// The routing of an AWS account's buckets to their regions, proved on the SDK's own request marshalling and signing
/// (no network): the SDK clients the client builds get a transport that records each request's host and the region
/// of its SigV4 credential scope, and answers canned S3 XML.
/// </summary>
public sealed partial class RegionalRoutingTests
{
    private const string Xmlns = "http://s3.amazonaws.com/doc/2006-03-01/";

    private static readonly Dictionary<string, string> Regions = new(StringComparer.Ordinal)
    {
        ["east-logs"] = "us-east-1",
        ["west-logs"] = "eu-west-1",
        ["sydney-logs"] = "ap-southeast-2",
    };

    private static LakeCircleClientOptions Options(FakeS3 s3, params string[] regions)
    {
        var options = TestClient.Options();
        options.Region = "us-east-1";
        options.Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY");
        options.HttpTransport = _ => s3;
        options.VerifyWrites = false;
        foreach (var region in regions)
        {
            options.Regions.Add(region);
        }

        return options;
    }

    /// <summary>The sources the options build, with a fixed account check in place of STS (which would reach the network).</summary>
    private static async Task<(ClientSources Built, LakeCircleClient Client)> ClientAsync(LakeCircleClientOptions options)
    {
        var built = await ClientSources.CreateAsync(options, ClientSettings.From(options), NullLoggerFactory.Instance, CancellationToken.None);
        var definitions = Source(Regions.Keys.Select(b => Toml(b, ("expire", "logs/", 90))).ToArray());
        var sources = new ClientSources(built.Account, definitions, new InMemoryEndpointStore(), new FixedIdentity(TestClient.Account));
        return (built, new LakeCircleClient(sources, options));
    }

    [Test]
    public async Task PlanAndSync_EachBucketsCallsGoToItsRegionSignedForIt_ListBucketsOnce()
    {
        var s3 = new FakeS3();
        var (built, client) = await ClientAsync(Options(s3));
        using (built)
        await using (client)
        {
            var plan = await client.PlanAsync();
            var sync = await client.SyncAsync();

            plan.Plan!.Buckets.Select(b => (b.Bucket, b.Status, b.Region)).Should().Equal(
                ("east-logs", BucketStatus.Change, (string?)"us-east-1"),
                ("sydney-logs", BucketStatus.Change, "ap-southeast-2"),
                ("west-logs", BucketStatus.Change, "eu-west-1"));
            sync.Succeeded.Should().BeTrue(string.Join("; ", sync.Errors));
        }

        var lists = s3.Requests.Where(r => r.Operation == "ListBuckets").ToList();
        lists.Should().HaveCount(2, "one per run (the plan, then the sync)");
        lists.Should().OnlyContain(r => r.Host == "s3.us-east-1.amazonaws.com" && r.SigningRegion == "us-east-1");
        lists.Should().OnlyContain(r => !r.Query.Contains("bucket-region", StringComparison.Ordinal) && r.Query.Contains("max-buckets=10000", StringComparison.Ordinal));
        foreach (var (bucket, region) in Regions)
        {
            var calls = s3.Requests.Where(r => r.Bucket == bucket).ToList();
            // Read by the plan, read by the sync (and read again just before its write), written once.
            calls.Select(r => r.Operation).Should().StartWith(["GetLifecycle", "GetLifecycle"]).And.EndWith("PutLifecycle");
            calls.Count(r => r.Operation == "PutLifecycle").Should().Be(1);
            calls.Should().OnlyContain(r => r.Operation == "GetLifecycle" || r.Operation == "PutLifecycle");
            calls.Should().OnlyContain(r => r.Host == $"{bucket}.s3.{region}.amazonaws.com" && r.SigningRegion == region, $"{bucket} is in {region}");
        }

        s3.Requests.Should().NotContain(r => r.Operation == "GetLocation", "the listing told every region");
        s3.Puts.Keys.Should().BeEquivalentTo(Regions.Keys);
    }

    [Test]
    public async Task Plan_LimitedToARegion_ReadsOnlyItsBuckets()
    {
        var s3 = new FakeS3();
        var (built, client) = await ClientAsync(Options(s3, "eu-west-1"));
        using (built)
        await using (client)
        {
            var plan = await client.PlanAsync();

            plan.Plan!.Buckets.Select(b => (b.Bucket, b.Status)).Should().Equal(
                ("east-logs", BucketStatus.OtherRegion), ("sydney-logs", BucketStatus.OtherRegion), ("west-logs", BucketStatus.Change));
        }

        s3.Requests.Where(r => r.Operation != "ListBuckets").Should().ContainSingle()
            .Which.Should().Match<Recorded>(r => r.Bucket == "west-logs" && r.Host == "west-logs.s3.eu-west-1.amazonaws.com" && r.SigningRegion == "eu-west-1");
    }

    [TestCase("eu-west-1", "eu-west-1")]
    [TestCase("EU", "eu-west-1")]
    [TestCase("", "us-east-1")]
    [TestCase("ap-southeast-2", "ap-southeast-2")]
    public async Task Read_BucketNotListed_RegionAskedOnceThroughTheHomeRegion(string locationConstraint, string region)
    {
        // A saved plan applied without a listing: the bucket's region is asked (GetBucketLocation), then its calls routed.
        var s3 = new FakeS3 { Location = locationConstraint };
        var options = Options(s3);
        using var built = await ClientSources.CreateAsync(options, ClientSettings.From(options), NullLoggerFactory.Instance, CancellationToken.None);

        await built.Account.GetLifecycleAsync("west-logs");
        await built.Account.GetLifecycleAsync("west-logs");

        s3.Requests.Select(r => (r.Operation, r.Host, r.SigningRegion)).Should().Equal(
            ("GetLocation", "west-logs.s3.us-east-1.amazonaws.com", "us-east-1"),
            ("GetLifecycle", $"west-logs.s3.{region}.amazonaws.com", region),
            ("GetLifecycle", $"west-logs.s3.{region}.amazonaws.com", region));
    }

    [Test]
    public async Task Apply_SavedPlan_RoutesByTheRegionsItNames_WithoutAsking()
    {
        var s3 = new FakeS3();
        byte[] saved;
        var (built, client) = await ClientAsync(Options(s3));
        using (built)
        await using (client)
        {
            using var stream = new MemoryStream();
            await client.SavePlanAsync(await client.PlanAsync(), stream);
            saved = stream.ToArray();
        }

        var applier = new FakeS3();
        var (builtAgain, again) = await ClientAsync(Options(applier));
        using (builtAgain)
        await using (again)
        {
            var outcome = await again.ApplyAsync(await LakeCircleClient.ReadPlanAsync(new MemoryStream(saved)));

            outcome.Succeeded.Should().BeTrue(string.Join("; ", outcome.Errors));
        }

        applier.Requests.Should().NotContain(r => r.Operation == "GetLocation" || r.Operation == "ListBuckets");
        foreach (var (bucket, region) in Regions)
        {
            applier.Requests.Where(r => r.Bucket == bucket).Should().NotBeEmpty().And.OnlyContain(r => r.Host == $"{bucket}.s3.{region}.amazonaws.com" && r.SigningRegion == region);
        }
    }

    [Test]
    public void Counts_GetBucketLocation_InTheTotalAndTheText()
    {
        var counts = new S3CallCounts { GetBucketLocation = 2, ListBuckets = 1 };

        counts.Total.Should().Be(3);
        counts.ToString().Should().Be("ListBuckets 1, GetBucketLocation 2");
    }

    internal sealed record Recorded(string Operation, string Host, string? Bucket, string Query, string? SigningRegion);

    /// <summary>S3 as the SDK sees it: canned answers, every request recorded with its host and signing region.</summary>
    internal sealed partial class FakeS3 : HttpMessageHandler
    {
        private readonly ConcurrentQueue<Recorded> _requests = new();

        public string Location { get; init; } = "eu-west-1";

        public IReadOnlyList<Recorded> Requests => [.. _requests];

        public ConcurrentDictionary<string, string> Puts { get; } = new(StringComparer.Ordinal);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            var host = uri.Host;
            var bucket = host.EndsWith(".amazonaws.com", StringComparison.Ordinal) && host.Split('.') is { Length: > 4 } parts ? parts[0] : null;
            var authorization = request.Headers.TryGetValues("Authorization", out var values) ? values.Single() : "";
            var scope = CredentialScope().Match(authorization);
            var signingRegion = scope.Success ? scope.Groups["region"].Value : null;
            var query = uri.Query;
            string operation;
            string body;
            if (bucket is null && request.Method == HttpMethod.Get)
            {
                operation = "ListBuckets";
                body = ListBuckets();
            }
            else if (query.Contains("location", StringComparison.Ordinal))
            {
                operation = "GetLocation";
                body = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><LocationConstraint xmlns=\"{Xmlns}\">{Location}</LocationConstraint>";
            }
            else if (query.Contains("lifecycle", StringComparison.Ordinal) && request.Method == HttpMethod.Get)
            {
                operation = "GetLifecycle";
                body = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><LifecycleConfiguration xmlns=\"{Xmlns}\"><Rule><ID>expire</ID><Filter><Prefix>logs/</Prefix></Filter><Status>Enabled</Status><Expiration><Days>30</Days></Expiration></Rule></LifecycleConfiguration>";
            }
            else if (query.Contains("lifecycle", StringComparison.Ordinal) && request.Method == HttpMethod.Put)
            {
                operation = "PutLifecycle";
                Puts[bucket!] = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
                body = "";
            }
            else
            {
                operation = $"{request.Method} {uri}";
                body = "";
            }

            _requests.Enqueue(new Recorded(operation, host, bucket, query, signingRegion));
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/xml") };
            response.Headers.TryAddWithoutValidation("x-amz-request-id", "REQ");
            return response;
        }

        private static string ListBuckets()
        {
            var buckets = string.Concat(Regions.Select(b =>
                $"<Bucket><Name>{b.Key}</Name><CreationDate>2024-01-01T00:00:00.000Z</CreationDate><BucketRegion>{b.Value}</BucketRegion></Bucket>"));
            return $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListAllMyBucketsResult xmlns=\"{Xmlns}\"><Owner><ID>owner</ID></Owner><Buckets>{buckets}</Buckets></ListAllMyBucketsResult>";
        }

        [GeneratedRegex(@"Credential=[^/]+/\d{8}/(?<region>[a-z0-9-]+)/s3/aws4_request")]
        private static partial Regex CredentialScope();
    }
}
