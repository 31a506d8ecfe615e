using System.Text;
using LakeCircle.Core.Definitions;
using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Model;
using static LakeCircle.Core.Tests.Definitions.DefinitionFixtures;

namespace LakeCircle.Core.Tests.Definitions;

public class DefinitionLoaderTests
{
    [Test]
    public void Load_FullRules_ReadEveryField()
    {
        // S3 refuses Days beside Dates in one rule, and AbortIncompleteMultipartUpload beside tags or sizes:
        // every field is read across two valid rules.
        var set = Load(OneRule("""
            ID = "archive"
            Status = "Disabled"
            Filter = { And = { Prefix = "logs/", Tags = [{ Key = "tier", Value = "cold" }], ObjectSizeGreaterThan = 1024, ObjectSizeLessThan = 4096 } }
            Expiration = { Days = 365 }
            Transitions = [{ Days = 30, StorageClass = "STANDARD_IA" }, { Days = 90, StorageClass = "GLACIER" }]
            NoncurrentVersionExpiration = { NoncurrentDays = 60, NewerNoncurrentVersions = 3 }
            NoncurrentVersionTransitions = [{ NoncurrentDays = 30, NewerNoncurrentVersions = 2, StorageClass = "GLACIER" }]

            [[LifecycleConfiguration.Rules]]
            ID = "dated"
            Status = "Enabled"
            Filter = { Prefix = "tmp/" }
            Expiration = { Date = 2028-01-01 }
            Transitions = [{ Date = 2027-01-01, StorageClass = "GLACIER" }]
            AbortIncompleteMultipartUpload = { DaysAfterInitiation = 7 }
            """));

        set.Diagnostics.Should().BeEmpty();
        set.Buckets.Single().Configuration.Rules.Should().Equal(
            new LifecycleRule
            {
                Id = "archive",
                Status = "Disabled",
                Filter = new LifecycleFilter
                {
                    And = new LifecycleAndOperator
                    {
                        Prefix = "logs/",
                        Tags = ValueList.Of(new LifecycleTag("tier", "cold")),
                        ObjectSizeGreaterThan = 1024,
                        ObjectSizeLessThan = 4096,
                    },
                },
                Expiration = new LifecycleExpiration { Days = 365 },
                Transitions = ValueList.Of(
                    new LifecycleTransition { Days = 30, StorageClass = "STANDARD_IA" },
                    new LifecycleTransition { Days = 90, StorageClass = "GLACIER" }),
                NoncurrentVersionExpiration = new NoncurrentVersionExpiration { NoncurrentDays = 60, NewerNoncurrentVersions = 3 },
                NoncurrentVersionTransitions = ValueList.Of(new NoncurrentVersionTransition { NoncurrentDays = 30, NewerNoncurrentVersions = 2, StorageClass = "GLACIER" }),
            },
            new LifecycleRule
            {
                Id = "dated",
                Status = "Enabled",
                Filter = new LifecycleFilter { Prefix = "tmp/" },
                Expiration = new LifecycleExpiration { Date = new DateTimeOffset(2028, 1, 1, 0, 0, 0, TimeSpan.Zero) },
                Transitions = ValueList.Of(new LifecycleTransition { Date = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), StorageClass = "GLACIER" }),
                AbortIncompleteMultipartUpload = new AbortIncompleteMultipartUpload { DaysAfterInitiation = 7 },
            });
    }

    [Test]
    public void Load_TableArrayAndInlineForms_GiveTheSameConfiguration()
    {
        var tables = Load("""
            BucketName = "b-bucket"
            [LifecycleConfiguration]
            TransitionDefaultMinimumObjectSize = "varies_by_storage_class"
            [[LifecycleConfiguration.Rules]]
            ID = "r"
            Status = "Enabled"
            [LifecycleConfiguration.Rules.Filter.Tag]
            Key = "k"
            Value = "v"
            [[LifecycleConfiguration.Rules.Transitions]]
            Days = 30
            StorageClass = "GLACIER"
            """);
        var inline = Load("""
            BucketName = "b-bucket"
            LifecycleConfiguration = { TransitionDefaultMinimumObjectSize = "varies_by_storage_class", Rules = [{ ID = "r", Status = "Enabled", Filter.Tag = { Key = "k", Value = "v" }, Transitions = [{ Days = 30, StorageClass = "GLACIER" }] }] }
            """);

        tables.IsValid.Should().BeTrue(string.Join('\n', tables.Diagnostics));
        inline.IsValid.Should().BeTrue(string.Join('\n', inline.Diagnostics));
        inline.Buckets.Should().Equal(tables.Buckets);
        tables.Buckets[0].Configuration.TransitionDefaultMinimumObjectSize.Should().Be("varies_by_storage_class");
    }

    [TestCase("2027-01-01", "2027-01-01T00:00:00+00:00")]
    [TestCase("2027-01-01T00:00:00", "2027-01-01T00:00:00+00:00")]
    [TestCase("2027-01-01T02:00:00+02:00", "2027-01-01T00:00:00+00:00")]
    [TestCase("\"2027-01-01\"", "2027-01-01T00:00:00+00:00")]
    [TestCase("\"2027-01-01T00:00:00.000Z\"", "2027-01-01T00:00:00+00:00")]
    public void Load_DateForms_AreReadAsUtc(string toml, string expected)
    {
        var set = Load(OneRule($"Status = \"Enabled\"\nExpiration = {{ Date = {toml} }}"));

        set.IsValid.Should().BeTrue(string.Join('\n', set.Diagnostics));
        var date = set.Buckets[0].Configuration.Rules[0].Expiration!.Date!.Value;
        date.Should().Be(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
        date.Offset.Should().Be(TimeSpan.Zero);
    }

    [Test]
    public void Load_LocalTime_IsAWrongType()
    {
        var set = Load(OneRule("Status = \"Enabled\"\nExpiration = { Date = 07:00:00 }"));

        set.Diagnostics.Should().ContainSingle().Which.Message.Should().Contain("got a local time");
    }

    [Test]
    public void Load_RuleWithoutId_GetsItsDerivedId()
    {
        var set = Load(OneRule("Status = \"Enabled\"\nExpiration = { Days = 30 }"));

        var rule = set.Buckets[0].Configuration.Rules[0];
        rule.Id.Should().Be(new LifecycleRule { Expiration = new LifecycleExpiration { Days = 30 } }.DerivedId);
    }

    [Test]
    public void Load_EmptyRules_IsAManagedBucketWithoutLifecycle()
    {
        var set = Load("BucketName = \"b-bucket\"\n[LifecycleConfiguration]\nRules = []\n");

        set.IsValid.Should().BeTrue();
        set.Buckets.Should().ContainSingle().Which.Configuration.Rules.Should().BeEmpty();
    }

    [Test]
    public void Load_LegacyRulePrefix_IsRead()
    {
        var set = Load(OneRule("ID = \"r\"\nStatus = \"Enabled\"\nPrefix = \"old/\"\nExpiration = { Days = 1 }"));

        set.Buckets[0].Configuration.Rules[0].Prefix.Should().Be("old/");
    }

    [Test]
    public void Load_SeveralProblemsInSeveralFiles_ReportsThemAllInFileOrder()
    {
        var set = DefinitionLoader.Load([
            Document("z.toml", OneRule("ID = \"r\"\nStatus = \"Enabled\"\nExpiraton = { Days = 1 }\nTransitions = [{ Days = \"x\", StorageClass = 1 }]")),
            Document("a.toml", "BucketName = \n"),
        ]);

        set.Diagnostics.Select(d => (d.Location!.File, d.Location.Line, d.Field)).Should().Equal(
            ("a.toml", 1, null),
            ("z.toml", 8, "LifecycleConfiguration.Rules[0].Expiraton"),
            ("z.toml", 9, "LifecycleConfiguration.Rules[0].Transitions[0].Days"),
            ("z.toml", 9, "LifecycleConfiguration.Rules[0].Transitions[0].StorageClass"));
        set.Diagnostics[1].Should().Match<Diagnostic>(d => d.Bucket == "b-bucket" && d.RuleId == "r");
    }

    [Test]
    public void Load_UnknownKeyFarFromAnyKnownKey_ListsTheKnownKeys()
    {
        var set = Load("BucketName = \"b-bucket\"\nOwner = \"me\"\n[LifecycleConfiguration]\nRules = []\n");

        set.Diagnostics.Should().ContainSingle().Which.Message.Should().Be("Unknown key 'Owner': expected one of BucketName, LifecycleConfiguration, LakeCircle.");
    }

    [Test]
    public void Load_RuleIdInTwoFiles_ReportsBothPlaces()
    {
        var set = DefinitionLoader.Load([
            Document("a.toml", OneRule("ID = \"r\"\nStatus = \"Enabled\"\nExpiration = { Days = 1 }")),
            Document("b.toml", OneRule("Status = \"Enabled\"\nID = \"r\"\nExpiration = { Days = 2 }")),
        ]);

        var problem = set.Diagnostics.Should().ContainSingle().Which;
        problem.ToString().Should().StartWith("b.toml:7:6: b-bucket/r: ");
        problem.Field.Should().Be("LifecycleConfiguration.Rules[0].ID");
        problem.Message.Should().Contain("a.toml:6:6");
        set.Buckets[0].Configuration.Rules.Should().ContainSingle().Which.Expiration!.Days.Should().Be(1);
    }

    [Test]
    public void Load_TwoFilesForOneBucket_MergesRulesInPathOrder()
    {
        var set = DefinitionLoader.Load([
            Document("b.toml", OneRule("ID = \"second\"\nStatus = \"Enabled\"\nExpiration = { Days = 2 }")),
            Document("a.toml", OneRule("ID = \"first\"\nStatus = \"Enabled\"\nExpiration = { Days = 1 }")),
            Document("c.toml", OneRule("ID = \"other\"\nStatus = \"Enabled\"\nExpiration = { Days = 1 }", bucket: "a-bucket")),
        ]);

        set.IsValid.Should().BeTrue();
        set.Buckets.Select(b => b.Bucket).Should().Equal("a-bucket", "b-bucket");
        set.Buckets[1].Configuration.Rules.Select(r => r.Id).Should().Equal("first", "second");
        set.Buckets[1].Files.Should().Equal("a.toml", "b.toml");
    }

    [Test]
    public void Load_ConflictingMinimumObjectSize_IsAnError()
    {
        static string File(string size) => $"BucketName = \"b-bucket\"\n[LifecycleConfiguration]\nTransitionDefaultMinimumObjectSize = \"{size}\"\nRules = []\n";
        var set = DefinitionLoader.Load([Document("a.toml", File("all_storage_classes_128K")), Document("b.toml", File("varies_by_storage_class"))]);

        var problem = set.Diagnostics.Should().ContainSingle().Which;
        problem.Location.Should().Be(new SourceLocation("b.toml", 3, 38));
        problem.Message.Should().Contain("a.toml:3:38");
        set.Buckets[0].Configuration.TransitionDefaultMinimumObjectSize.Should().Be("all_storage_classes_128K");
    }

    [Test]
    public void Load_SameMinimumObjectSizeInTwoFiles_IsFine()
    {
        var file = "BucketName = \"b-bucket\"\n[LifecycleConfiguration]\nTransitionDefaultMinimumObjectSize = \"all_storage_classes_128K\"\nRules = []\n";

        DefinitionLoader.Load([Document("a.toml", file), Document("b.toml", file)]).IsValid.Should().BeTrue();
    }

    [Test]
    public void Load_FileOverOneMebibyte_IsRejected()
    {
        var content = new byte[DefinitionLoader.MaxFileBytes + 1];
        content.AsSpan().Fill((byte)'#');

        var set = DefinitionLoader.Load([new DefinitionDocument("big.toml", content)]);

        set.Diagnostics.Should().ContainSingle().Which.Message.Should().Contain("larger than 1 MiB");
    }

    [Test]
    public void Load_ByteOrderMark_IsAccepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("BucketName = \"b-bucket\"\n[LifecycleConfiguration]\nRules = []\n")).ToArray();

        DefinitionLoader.Load([new DefinitionDocument("bom.toml", bytes)]).IsValid.Should().BeTrue();
    }

    [Test]
    public void Load_ValidatorFindings_ArePlacedInTheRuleFile()
    {
        var documents = new[]
        {
            Document("a.toml", OneRule("ID = \"a\"\nStatus = \"Enabled\"\nExpiration = { Days = 1 }")),
            Document("b.toml", OneRule("ID = \"b0\"\nStatus = \"Enabled\"\nExpiration = { Days = 1 }") + "\n[[LifecycleConfiguration.Rules]]\nID = \"b1\"\nStatus = \"Enabled\"\nExpiration = { Days = 0 }\n"),
        };
        IReadOnlyList<Diagnostic> Validate(string bucket, LifecycleConfiguration configuration) =>
        [
            new Diagnostic { Bucket = bucket, RuleId = configuration.Rules[2].Id, Field = "Rules[2].Expiration.Days", Message = "Days must be positive." },
            new Diagnostic { Bucket = bucket, RuleId = "b1", Field = "Rules[2].Transitions[0].StorageClass", Message = "Missing." },
            new Diagnostic { Bucket = bucket, Field = "Rules", Message = "Too many rules." },
        ];

        var set = DefinitionLoader.Load(documents, Validate);

        set.Diagnostics.Select(d => d.ToString()).Should().Equal(
            "a.toml:5:1: b-bucket: LifecycleConfiguration.Rules: Too many rules.",
            "b.toml:10:1: b-bucket/b1: LifecycleConfiguration.Rules[1].Transitions[0].StorageClass: Missing.",
            "b.toml:13:23: b-bucket/b1: LifecycleConfiguration.Rules[1].Expiration.Days: Days must be positive.");
    }

    [Test]
    public void Load_ValidatorFindingOnARuleWithReadingProblems_IsLeftOut()
    {
        IReadOnlyList<Diagnostic> Validate(string bucket, LifecycleConfiguration configuration) =>
            [new Diagnostic { Bucket = bucket, Field = "Rules[0]", Message = "No action." }];

        var set = DefinitionLoader.Load([Document("a.toml", OneRule("ID = \"a\"\nStatus = \"Enabled\"\nExpiraton = { Days = 1 }"))], Validate);

        set.Diagnostics.Should().ContainSingle().Which.Message.Should().StartWith("Unknown key");
    }
}
