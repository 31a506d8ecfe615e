using System.Net;
using System.Xml.Linq;
using Amazon.S3;
using Amazon.S3.Model.Internal.MarshallTransformations;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;
using S3 = Amazon.S3.Model;

namespace LakeCircle.Core.Tests.Gateways;

public class SdkLifecycleMappingTests
{
    private static readonly XNamespace Ns = "http://s3.amazonaws.com/doc/2006-03-01/";

    [TestCaseSource(typeof(LifecycleShapes), nameof(LifecycleShapes.Configurations))]
    public void ToSdk_ThenFromSdk_EqualsOriginal(LifecycleConfiguration configuration)
    {
        var sdk = SdkLifecycleWriter.ToSdk(configuration);
        var minimum = SdkLifecycleWriter.ToSdkMinimumObjectSize(configuration.TransitionDefaultMinimumObjectSize);

        SdkLifecycleReader.FromSdk(sdk, minimum).Should().Be(configuration);
    }

    [TestCaseSource(typeof(LifecycleShapes), nameof(LifecycleShapes.Configurations))]
    public async Task MarshalledXml_ReadBackThroughTheSdk_EqualsOriginal(LifecycleConfiguration configuration)
    {
        // Model -> SDK request -> XML (the SDK marshaller) -> served as a GET answer -> SDK unmarshaller (predicates) -> model.
        var xml = Marshal(configuration, out var headers);
        using var client = StubHttpClientFactory.Client(HttpStatusCode.OK, xml, headers);

        var read = await new AwsS3Gateway(client).GetLifecycleAsync("bucket");

        read.Should().Be(configuration);
    }

    [Test]
    public void Marshal_Everything_WritesTheXmlS3Expects()
    {
        var configuration = new LifecycleConfiguration { Rules = ValueList.Of(LifecycleShapes.Everything), TransitionDefaultMinimumObjectSize = TransitionDefaultMinimumObjectSizes.AllStorageClasses128K };

        var rule = XElement.Parse(Marshal(configuration, out var headers)).Element(Ns + "Rule")!;

        headers.Should().Contain("x-amz-transition-default-minimum-object-size", "all_storage_classes_128K");
        var and = rule.Element(Ns + "Filter")!.Element(Ns + "And")!;
        and.Element(Ns + "Prefix")!.Value.Should().Be("a/");
        and.Elements(Ns + "Tag").Select(t => t.Element(Ns + "Key")!.Value + "=" + t.Element(Ns + "Value")!.Value).Should().Equal("k=v", "k2=");
        and.Element(Ns + "ObjectSizeGreaterThan")!.Value.Should().Be("1");
        and.Element(Ns + "ObjectSizeLessThan")!.Value.Should().Be("1000000");
        rule.Element(Ns + "ID")!.Value.Should().Be("everything");
        rule.Element(Ns + "Status")!.Value.Should().Be("Enabled");
        rule.Elements(Ns + "Transition").Select(t => t.Element(Ns + "StorageClass")!.Value).Should().Equal("STANDARD_IA", "GLACIER");
        rule.Element(Ns + "NoncurrentVersionTransition")!.Element(Ns + "NewerNoncurrentVersions")!.Value.Should().Be("2");
        rule.Element(Ns + "NoncurrentVersionExpiration")!.Element(Ns + "NoncurrentDays")!.Value.Should().Be("60");
        rule.Element(Ns + "AbortIncompleteMultipartUpload")!.Element(Ns + "DaysAfterInitiation")!.Value.Should().Be("7");
    }

    [Test]
    public void Marshal_DateAndLegacyPrefix_WritesUtcDateAndRuleLevelPrefix()
    {
        var rule = XElement.Parse(Marshal(LifecycleConfiguration.Of(new LifecycleRule
        {
            Id = "d",
            Prefix = "old/",
            Expiration = new LifecycleExpiration { Date = LifecycleShapes.Date },
        }), out _)).Element(Ns + "Rule")!;

        rule.Element(Ns + "Expiration")!.Element(Ns + "Date")!.Value.Should().Be("2027-01-01T00:00:00Z");
        rule.Element(Ns + "Prefix")!.Value.Should().Be("old/");
        rule.Element(Ns + "Filter").Should().BeNull();
    }

    [Test]
    public void FromSdk_GetShapedPredicates_MapsEveryPredicate()
    {
        var sdk = new S3.LifecycleConfiguration
        {
            Rules =
            [
                Rule("and", new S3.LifecycleAndOperator
                {
                    Operands =
                    [
                        new S3.LifecyclePrefixPredicate { Prefix = "p/" },
                        new S3.LifecycleTagPredicate { Tag = new S3.Tag { Key = "a", Value = "1" } },
                        new S3.LifecycleTagPredicate { Tag = new S3.Tag { Key = "b", Value = "2" } },
                        new S3.LifecycleObjectSizeGreaterThanPredicate { ObjectSizeGreaterThan = 10 },
                        new S3.LifecycleObjectSizeLessThanPredicate { ObjectSizeLessThan = 20 },
                    ],
                }),
                Rule("prefix", new S3.LifecyclePrefixPredicate { Prefix = "x/" }),
                Rule("tag", new S3.LifecycleTagPredicate { Tag = new S3.Tag { Key = "k", Value = "v" } }),
                Rule("gt", new S3.LifecycleObjectSizeGreaterThanPredicate { ObjectSizeGreaterThan = 5 }),
                Rule("lt", new S3.LifecycleObjectSizeLessThanPredicate { ObjectSizeLessThan = 6 }),
                Rule("empty", null),
            ],
        };

        var rules = SdkLifecycleReader.FromSdk(sdk, null).Rules;

        rules[0].Filter.Should().Be(new LifecycleFilter
        {
            And = new LifecycleAndOperator { Prefix = "p/", Tags = ValueList.Of(new LifecycleTag("a", "1"), new LifecycleTag("b", "2")), ObjectSizeGreaterThan = 10, ObjectSizeLessThan = 20 },
        });
        rules[1].Filter.Should().Be(new LifecycleFilter { Prefix = "x/" });
        rules[2].Filter.Should().Be(new LifecycleFilter { Tag = new LifecycleTag("k", "v") });
        rules[3].Filter.Should().Be(new LifecycleFilter { ObjectSizeGreaterThan = 5 });
        rules[4].Filter.Should().Be(new LifecycleFilter { ObjectSizeLessThan = 6 });
        rules[5].Filter.Should().Be(LifecycleFilter.MatchAll);
        rules.Should().OnlyContain(r => r.Transitions.Count == 0 && r.NoncurrentVersionTransitions.Count == 0);
    }

    private static S3.LifecycleRule Rule(string id, S3.LifecycleFilterPredicate? predicate) => new()
    {
        Id = id,
        Status = LifecycleRuleStatus.Enabled,
        Filter = new S3.LifecycleFilter { LifecycleFilterPredicate = predicate },
        Expiration = new S3.LifecycleRuleExpiration { Days = 1 },
    };

    private static string Marshal(LifecycleConfiguration configuration, out Dictionary<string, string> headers)
    {
        var request = new S3.PutLifecycleConfigurationRequest
        {
            BucketName = "bucket",
            Configuration = SdkLifecycleWriter.ToSdk(configuration),
            TransitionDefaultMinimumObjectSize = SdkLifecycleWriter.ToSdkMinimumObjectSize(configuration.TransitionDefaultMinimumObjectSize),
        };
        var marshalled = PutLifecycleConfigurationRequestMarshaller.Instance.Marshall(request);
        headers = new Dictionary<string, string>(marshalled.Headers);
        using var reader = new StreamReader(marshalled.ContentStream);
        return reader.ReadToEnd();
    }
}
