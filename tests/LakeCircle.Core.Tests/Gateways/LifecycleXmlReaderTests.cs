using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Tests.Gateways;

public sealed class LifecycleXmlReaderTests
{
    private const string Ns = "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"";

    private static LifecycleConfiguration ReadRules(string rules) =>
        LifecycleXmlReader.Read($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><LifecycleConfiguration {Ns}>{rules}</LifecycleConfiguration>");

    [Test]
    public void Read_PrefixAndTagSideBySide_IsOneAndOperator()
    {
        var configuration = ReadRules(
            "<Rule><ID>a</ID><Filter><Prefix>logs/</Prefix><Tag><Key>k</Key><Value>v</Value></Tag></Filter><Status>Enabled</Status><Expiration><Days>3</Days></Expiration></Rule>");

        configuration.Rules[0].Filter.Should().Be(new LifecycleFilter
        {
            And = new LifecycleAndOperator { Prefix = "logs/", Tags = ValueList.Of(new LifecycleTag("k", "v")) },
        });
    }

    [Test]
    public void Read_PrefixOutsideAndOfTags_MergesIntoTheAnd()
    {
        var configuration = ReadRules(
            "<Rule><ID>a</ID><Filter><Prefix>p/</Prefix><And><Tag><Key>a</Key><Value>1</Value></Tag><Tag><Key>b</Key><Value>2</Value></Tag></And></Filter>" +
            "<Status>Enabled</Status><Expiration><Days>3</Days></Expiration></Rule>");

        var and = configuration.Rules[0].Filter!.And!;
        and.Prefix.Should().Be("p/");
        and.Tags.Should().Equal(new LifecycleTag("a", "1"), new LifecycleTag("b", "2"));
    }

    [Test]
    public void Read_EveryField_MapsToTheModel()
    {
        var configuration = LifecycleXmlReader.Read(
            $"<LifecycleConfiguration {Ns}><Rule><ID>all</ID><Prefix></Prefix><Status>Disabled</Status>" +
            "<Expiration><Date>2030-01-01T00:00:00.000Z</Date></Expiration>" +
            "<Transition><Days>30</Days><StorageClass>STANDARD_IA</StorageClass></Transition><Transition><Days>90</Days><StorageClass>GLACIER</StorageClass></Transition>" +
            "<NoncurrentVersionTransition><NoncurrentDays>7</NoncurrentDays><NewerNoncurrentVersions>2</NewerNoncurrentVersions><StorageClass>GLACIER</StorageClass></NoncurrentVersionTransition>" +
            "<NoncurrentVersionExpiration><NoncurrentDays>60</NoncurrentDays></NoncurrentVersionExpiration>" +
            "<AbortIncompleteMultipartUpload><DaysAfterInitiation>5</DaysAfterInitiation></AbortIncompleteMultipartUpload></Rule></LifecycleConfiguration>",
            TransitionDefaultMinimumObjectSizes.VariesByStorageClass);

        configuration.Should().Be(new LifecycleConfiguration
        {
            TransitionDefaultMinimumObjectSize = TransitionDefaultMinimumObjectSizes.VariesByStorageClass,
            Rules = ValueList.Of(new LifecycleRule
            {
                Id = "all",
                Prefix = "",
                Status = RuleStatus.Disabled,
                Expiration = new LifecycleExpiration { Date = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero) },
                Transitions = ValueList.Of(
                    new LifecycleTransition { Days = 30, StorageClass = StorageClasses.StandardIA },
                    new LifecycleTransition { Days = 90, StorageClass = StorageClasses.Glacier }),
                NoncurrentVersionTransitions = ValueList.Of(new NoncurrentVersionTransition { NoncurrentDays = 7, NewerNoncurrentVersions = 2, StorageClass = StorageClasses.Glacier }),
                NoncurrentVersionExpiration = new NoncurrentVersionExpiration { NoncurrentDays = 60 },
                AbortIncompleteMultipartUpload = new AbortIncompleteMultipartUpload { DaysAfterInitiation = 5 },
            }),
        });
    }

    [Test]
    public void Read_SinglePredicatesAndSizeBounds_KeepTheirShape()
    {
        var configuration = ReadRules(
            "<Rule><ID>t</ID><Filter><Tag><Key>k</Key><Value>v</Value></Tag></Filter><Status>Enabled</Status><Expiration><ExpiredObjectDeleteMarker>true</ExpiredObjectDeleteMarker></Expiration></Rule>" +
            "<Rule><ID>s</ID><Filter><And><ObjectSizeGreaterThan>10</ObjectSizeGreaterThan><ObjectSizeLessThan>20</ObjectSizeLessThan></And></Filter><Status>Enabled</Status><Expiration><Days>1</Days></Expiration></Rule>");

        configuration.Rules[0].Filter.Should().Be(new LifecycleFilter { Tag = new LifecycleTag("k", "v") });
        configuration.Rules[0].Expiration!.ExpiredObjectDeleteMarker.Should().BeTrue();
        configuration.Rules[1].Filter!.And.Should().Be(new LifecycleAndOperator { ObjectSizeGreaterThan = 10, ObjectSizeLessThan = 20 });
    }

    [Test]
    public void Read_SameAsSentBySdkShape_HasTheSentFingerprint()
    {
        var sent = new LifecycleRule
        {
            Id = "a",
            Filter = new LifecycleFilter { And = new LifecycleAndOperator { Prefix = "logs/", Tags = ValueList.Of(new LifecycleTag("k", "v")) } },
            Expiration = new LifecycleExpiration { Days = 3 },
        };

        var read = ReadRules("<Rule><ID>a</ID><Filter><Prefix>logs/</Prefix><Tag><Key>k</Key><Value>v</Value></Tag></Filter><Status>Enabled</Status><Expiration><Days>3</Days></Expiration></Rule>");

        read.Rules[0].Fingerprint.Should().Be(sent.Fingerprint);
    }

    [TestCase("<LifecycleConfiguration><Rule>", "not well-formed")]
    [TestCase("<Other/>", "Expected a LifecycleConfiguration")]
    [TestCase("<LifecycleConfiguration><Rule><ID>a</ID><Expiration><Days>x</Days></Expiration></Rule></LifecycleConfiguration>", "invalid Days")]
    [TestCase("<LifecycleConfiguration><Rule><ID>a</ID><Filter><Prefix>a/</Prefix><And><Prefix>b/</Prefix><Tag><Key>k</Key><Value>v</Value></Tag></And></Filter></Rule></LifecycleConfiguration>", "two different prefixes")]
    public void Read_InvalidDocument_ThrowsFormatException(string xml, string words)
    {
        var act = () => LifecycleXmlReader.Read(xml);

        act.Should().Throw<FormatException>().WithMessage($"*{words}*");
    }
}
