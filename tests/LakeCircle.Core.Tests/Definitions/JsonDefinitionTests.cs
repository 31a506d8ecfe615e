using System.Text;
using LakeCircle.Core.Definitions;
using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Fingerprinting;
using LakeCircle.Core.Model;
using static LakeCircle.Core.Tests.Definitions.DefinitionFixtures;

namespace LakeCircle.Core.Tests.Definitions;

/// <summary>
/// JSON definitions are exactly as strict as TOML ones: every case of <see cref="Cases"/> is one rule written in both
/// formats, read by both readers, and must give the same diagnostic (field, message, rule) at the place of the same
/// text in each file; valid files give the same configuration and fingerprint.
/// </summary>
public class JsonDefinitionTests
{
    /// <summary>One rule in both formats, the problem it has, and the text at which each file must report it.</summary>
    /// <param name="Name">The case.</param>
    /// <param name="Toml">The rule's lines in TOML (under <c>[[LifecycleConfiguration.Rules]]</c>).</param>
    /// <param name="Json">The rule as one JSON object on one line.</param>
    /// <param name="Field">The field reported.</param>
    /// <param name="Message">The message reported (<c>{table}</c>, <c>{tables}</c> and <c>{at}</c> filled per format).</param>
    /// <param name="TomlAt">The text of the TOML file the problem is placed at (its first occurrence), or <c>[[</c> for the rule header.</param>
    /// <param name="JsonAt">The text of the JSON file the problem is placed at.</param>
    /// <param name="TomlFirst">For duplicate keys: the first definition's text (the message names its line and column).</param>
    /// <param name="JsonFirst">The same in JSON.</param>
    public sealed record Case(string Name, string Toml, string Json, string Field, string Message, string TomlAt, string JsonAt, string? TomlFirst = null, string? JsonFirst = null)
    {
        public override string ToString() => Name;
    }

    public enum Format
    {
        Toml,
        Json,
    }

    private const string RulePath = "LifecycleConfiguration.Rules[0]";

    public static IEnumerable<Case> Cases() =>
    [
        new("unknown key with a suggestion",
            "ID = \"r\"\nStatus = \"Enabled\"\nExpiraton = { Days = 1 }",
            """{"ID": "r", "Status": "Enabled", "Expiraton": {"Days": 1}}""",
            RulePath + ".Expiraton", "Unknown key 'Expiraton': did you mean Expiration?", "Expiraton", "\"Expiraton\""),
        new("unknown key far from every known key",
            "ID = \"r\"\nStatus = \"Enabled\"\nExpiration = { Days = 1 }\nzzz = 1",
            """{"ID": "r", "Status": "Enabled", "Expiration": {"Days": 1}, "zzz": 1}""",
            RulePath + ".zzz", "Unknown key 'zzz': expected one of ID, Status, Filter, Prefix, Expiration, Transitions, NoncurrentVersionExpiration, NoncurrentVersionTransitions, AbortIncompleteMultipartUpload.", "zzz", "\"zzz\""),
        new("keys are case-sensitive",
            "ID = \"r\"\nstatus = \"Enabled\"\nStatus = \"Enabled\"\nExpiration = { Days = 1 }",
            """{"ID": "r", "status": "Enabled", "Status": "Enabled", "Expiration": {"Days": 1}}""",
            RulePath + ".status", "Unknown key 'status': did you mean Status?", "status", "\"status\""),
        new("a string where an integer is expected",
            "ID = \"r\"\nStatus = \"Enabled\"\nExpiration = { Days = \"30\" }",
            """{"ID": "r", "Status": "Enabled", "Expiration": {"Days": "30"}}""",
            RulePath + ".Expiration.Days", "Expected an integer, got a string.", "\"30\"", "\"30\""),
        new("a fraction where an integer is expected",
            "ID = \"r\"\nStatus = \"Enabled\"\nExpiration = { Days = 30.5 }",
            """{"ID": "r", "Status": "Enabled", "Expiration": {"Days": 30.5}}""",
            RulePath + ".Expiration.Days", "Expected an integer, got {float}.", "30.5", "30.5"),
        new("an integer out of range",
            "ID = \"r\"\nStatus = \"Enabled\"\nExpiration = { Days = 3000000000 }",
            """{"ID": "r", "Status": "Enabled", "Expiration": {"Days": 3000000000}}""",
            RulePath + ".Expiration.Days", "Value 3000000000 is out of range: expected an integer from -2147483648 to 2147483647.", "3000000000", "3000000000"),
        new("a string where a boolean is expected",
            "ID = \"r\"\nStatus = \"Enabled\"\nExpiration = { ExpiredObjectDeleteMarker = \"true\" }",
            """{"ID": "r", "Status": "Enabled", "Expiration": {"ExpiredObjectDeleteMarker": "true"}}""",
            RulePath + ".Expiration.ExpiredObjectDeleteMarker", "Expected a boolean, got a string.", "\"true\"", "\"true\""),
        new("a string where a table is expected",
            "ID = \"r\"\nStatus = \"Enabled\"\nFilter = \"logs/\"\nExpiration = { Days = 1 }",
            """{"ID": "r", "Status": "Enabled", "Filter": "logs/", "Expiration": {"Days": 1}}""",
            RulePath + ".Filter", "Expected {table}, got a string.", "\"logs/\"", "\"logs/\""),
        new("a table where an array of tables is expected",
            "ID = \"r\"\nStatus = \"Enabled\"\nTransitions = { Days = 30, StorageClass = \"GLACIER\" }",
            """{"ID": "r", "Status": "Enabled", "Transitions": {"Days": 30, "StorageClass": "GLACIER"}}""",
            RulePath + ".Transitions", "Expected {tables}, got {table}.", "{ Days", "{\"Days\": 30"),
        new("an array item that is not a table",
            "ID = \"r\"\nStatus = \"Enabled\"\nTransitions = [\"GLACIER\"]\nExpiration = { Days = 1 }",
            """{"ID": "r", "Status": "Enabled", "Transitions": ["GLACIER"], "Expiration": {"Days": 1}}""",
            RulePath + ".Transitions[0]", "Expected {table}, got a string.", "\"GLACIER\"", "\"GLACIER\""),
        new("a date that is not a date",
            "ID = \"r\"\nStatus = \"Enabled\"\nExpiration = { Date = \"2027-13-01\" }",
            """{"ID": "r", "Status": "Enabled", "Expiration": {"Date": "2027-13-01"}}""",
            RulePath + ".Expiration.Date", "'2027-13-01' is not an ISO-8601 date such as 2027-01-01 or 2027-01-01T00:00:00Z.", "\"2027-13-01\"", "\"2027-13-01\""),
        new("a missing Status, placed at the rule",
            "ID = \"r\"\nExpiration = { Days = 1 }",
            """{"ID": "r", "Expiration": {"Days": 1}}""",
            RulePath + ".Status", "Required key 'Status' is missing.", "[[", "{\"ID\""),
        new("a tag without Value, placed at the tag",
            "ID = \"r\"\nStatus = \"Enabled\"\nFilter = { Tag = { Key = \"k\" } }\nExpiration = { Days = 1 }",
            """{"ID": "r", "Status": "Enabled", "Filter": {"Tag": {"Key": "k"}}, "Expiration": {"Days": 1}}""",
            RulePath + ".Filter.Tag.Value", "Required key 'Value' is missing.", "{ Key", "{\"Key\""),
        new("a duplicate key, naming the first",
            "ID = \"r\"\nStatus = \"Enabled\"\nStatus = \"Disabled\"\nExpiration = { Days = 1 }",
            """{"ID": "r", "Status": "Enabled", "Status": "Disabled", "Expiration": {"Days": 1}}""",
            RulePath + ".Status", "Duplicate key 'Status': already defined at {at}.", "Status = \"Disabled\"", "\"Status\": \"Disabled\"",
            "Status = \"Enabled\"", "\"Status\": \"Enabled\""),
        new("a duplicate key in a nested table",
            "ID = \"r\"\nStatus = \"Enabled\"\nExpiration = { Days = 1, Days = 2 }",
            """{"ID": "r", "Status": "Enabled", "Expiration": {"Days": 1, "Days": 2}}""",
            RulePath + ".Expiration.Days", "Duplicate key 'Days': already defined at {at}.", "Days = 2", "\"Days\": 2",
            "Days = 1", "\"Days\": 1"),
        new("an S3 rule, placed at the value",
            "ID = \"r\"\nStatus = \"Enabled\"\nTransitions = [{ Days = 10, StorageClass = \"STANDARD_IA\" }]",
            """{"ID": "r", "Status": "Enabled", "Transitions": [{"Days": 10, "StorageClass": "STANDARD_IA"}]}""",
            RulePath + ".Transitions[0].Days", "Days must be at least 30 for a transition to STANDARD_IA, got 10.", "10", "10"),
        new("no action",
            "ID = \"r\"\nStatus = \"Enabled\"\nFilter = { Prefix = \"a/\" }",
            """{"ID": "r", "Status": "Enabled", "Filter": {"Prefix": "a/"}}""",
            RulePath, "", "[[", "{\"ID\""),
    ];

    public static IEnumerable<TestCaseData> Matrix() =>
        Cases().SelectMany(c => new[] { Format.Toml, Format.Json }.Select(f => new TestCaseData(c, f).SetName($"Load_{f}_{c.Name.Replace(' ', '_').Replace(',', '_')}")));

    [TestCaseSource(nameof(Matrix))]
    public void Load_EachProblem_IsReportedAlikeInBothFormats(Case problem, Format format)
    {
        var (path, text) = format == Format.Toml
            ? ("b.toml", OneRule(problem.Toml))
            : ("b.json", JsonRule(problem.Json));
        var at = Where(text, format == Format.Toml ? problem.TomlAt : problem.JsonAt);
        var first = (format == Format.Toml ? problem.TomlFirst : problem.JsonFirst) is { } firstText ? Where(text, firstText) : default;

        var diagnostic = Load(text, path).Diagnostics.Should().ContainSingle().Subject;

        diagnostic.Location.Should().Be(new SourceLocation(path, at.Line, at.Column));
        diagnostic.Field.Should().Be(problem.Field);
        diagnostic.Bucket.Should().Be("b-bucket");
        // A duplicate key is found while the file is read, before its rule is known (in both formats).
        diagnostic.RuleId.Should().Be(problem.TomlFirst is null ? "r" : null);
        if (problem.Message.Length > 0)
        {
            diagnostic.Message.Should().Be(problem.Message
                .Replace("{tables}", format == Format.Toml ? "an array of tables" : "an array of objects", StringComparison.Ordinal)
                .Replace("{table}", format == Format.Toml ? "a table" : "an object", StringComparison.Ordinal)
                .Replace("{float}", format == Format.Toml ? "a float" : "a number with a fraction or an exponent", StringComparison.Ordinal)
                .Replace("{at}", $"line {first.Line}, column {first.Column}", StringComparison.Ordinal));
        }
    }

    public static IEnumerable<TestCaseData> FileCases() =>
    [
        new TestCaseData(
            "BucketName = \"Bad_Name\"\n[LifecycleConfiguration]\nRules = []\n",
            "{\n  \"BucketName\": \"Bad_Name\",\n  \"LifecycleConfiguration\": { \"Rules\": [] }\n}\n",
            "BucketName", "\"Bad_Name\"", "\"Bad_Name\"").SetName("Load_BothFormats_InvalidBucketName"),
        new TestCaseData(
            "BucketName = \"b-bucket\"\n",
            "{\n  \"BucketName\": \"b-bucket\"\n}\n",
            "LifecycleConfiguration", null, "{").SetName("Load_BothFormats_MissingConfiguration"),
        new TestCaseData(
            "BucketName = \"b-bucket\"\n[LifecycleConfiguration]\n",
            "{\n  \"BucketName\": \"b-bucket\",\n  \"LifecycleConfiguration\": {}\n}\n",
            "LifecycleConfiguration.Rules", "[LifecycleConfiguration]", "{}").SetName("Load_BothFormats_MissingRules"),
        new TestCaseData(
            "BucketName = \"b-bucket\"\n[LifecycleConfiguration]\nRules = \"none\"\n",
            "{\n  \"BucketName\": \"b-bucket\",\n  \"LifecycleConfiguration\": { \"Rules\": \"none\" }\n}\n",
            "LifecycleConfiguration.Rules", "\"none\"", "\"none\"").SetName("Load_BothFormats_RulesNotAnArray"),
        new TestCaseData(
            "BucketName = \"b-bucket\"\nBucket = \"b\"\n[LifecycleConfiguration]\nRules = []\n",
            "{\n  \"BucketName\": \"b-bucket\",\n  \"Bucket\": \"b\",\n  \"LifecycleConfiguration\": { \"Rules\": [] }\n}\n",
            "Bucket", "Bucket =", "\"Bucket\"").SetName("Load_BothFormats_UnknownFileKey"),
    ];

    [TestCaseSource(nameof(FileCases))]
    public void Load_FileLevelProblems_AreReportedAlikeInBothFormats(string toml, string json, string field, string? tomlAt, string jsonAt)
    {
        var fromToml = Load(toml).Diagnostics.Should().ContainSingle().Subject;
        var fromJson = Load(json, "b.json").Diagnostics.Should().ContainSingle().Subject;

        fromJson.Field.Should().Be(field).And.Be(fromToml.Field);
        // The same message, in the words of each format.
        fromJson.Message.Replace("an array of objects", "an array of tables", StringComparison.Ordinal).Replace("an object", "a table", StringComparison.Ordinal)
            .Should().Be(fromToml.Message);
        var tomlPoint = tomlAt is null ? (Line: 1, Column: 1) : Where(toml, tomlAt);
        var jsonPoint = Where(json, jsonAt);
        (fromToml.Location!.Line, fromToml.Location.Column).Should().Be(tomlPoint);
        (fromJson.Location!.Line, fromJson.Location.Column).Should().Be(jsonPoint);
    }

    [Test]
    public void Load_DocumentedExamples_JsonGivesTheSameConfigurationAndFingerprintAsToml()
    {
        var toml = Documentation.TomlBlocks("definitions.md")[0];
        var json = Documentation.JsonBlocks("definitions.md").Single(b => b.Contains("\"BucketName\": \"analytics-logs\"", StringComparison.Ordinal));

        var fromToml = Load(toml, "logs.toml");
        var fromJson = Load(json, "logs.json");

        fromJson.Diagnostics.Should().BeEmpty();
        fromToml.Diagnostics.Should().BeEmpty();
        var expected = fromToml.Buckets.Single();
        var actual = fromJson.Buckets.Single();
        actual.Bucket.Should().Be("analytics-logs");
        actual.Configuration.Should().Be(expected.Configuration);
        CanonicalForm.ConfigurationFingerprint(actual.Configuration).Should().Be(CanonicalForm.ConfigurationFingerprint(expected.Configuration));
    }

    [Test]
    public void Load_AwsCliOutputWrappedWithABucketName_IsADefinition()
    {
        // The output of `aws s3api get-bucket-lifecycle-configuration` as the AWS CLI reference prints it, under
        // "LifecycleConfiguration", with the bucket's name beside it.
        const string Output = """
            {
                "Rules": [
                    {
                        "ID": "Move rotated logs to Glacier",
                        "Prefix": "rotated/",
                        "Status": "Enabled",
                        "Transitions": [
                            {
                                "Date": "2015-11-10T00:00:00.000Z",
                                "StorageClass": "GLACIER"
                            }
                        ]
                    },
                    {
                        "Status": "Enabled",
                        "Prefix": "",
                        "NoncurrentVersionTransitions": [
                            {
                                "NoncurrentDays": 0,
                                "StorageClass": "GLACIER"
                            }
                        ],
                        "ID": "Move old versions to Glacier"
                    }
                ]
            }
            """;
        var json = "{\n\"BucketName\": \"my-bucket\",\n\"LifecycleConfiguration\": " + Output + "\n}\n";

        var set = Load(json, "my-bucket.json");

        set.Diagnostics.Should().BeEmpty();
        set.Buckets.Single().Configuration.Rules.Should().Equal(
            new LifecycleRule
            {
                Id = "Move rotated logs to Glacier",
                Prefix = "rotated/",
                Transitions = ValueList.Of(new LifecycleTransition { Date = new DateTimeOffset(2015, 11, 10, 0, 0, 0, TimeSpan.Zero), StorageClass = "GLACIER" }),
            },
            new LifecycleRule
            {
                Id = "Move old versions to Glacier",
                Prefix = "",
                NoncurrentVersionTransitions = ValueList.Of(new NoncurrentVersionTransition { NoncurrentDays = 0, StorageClass = "GLACIER" }),
            });
    }

    [Test]
    public void Load_CurrentAwsCliOutputWithFilterAndMinimumSize_IsAValidDefinition()
    {
        const string Json = """
            {
              "BucketName": "logs",
              "LifecycleConfiguration": {
                "TransitionDefaultMinimumObjectSize": "all_storage_classes_128K",
                "Rules": [
                  {
                    "Expiration": { "Days": 3650 },
                    "ID": "archive",
                    "Filter": { "Prefix": "logs/" },
                    "Status": "Enabled",
                    "Transitions": [{ "Days": 30, "StorageClass": "STANDARD_IA" }, { "Days": 365, "StorageClass": "GLACIER" }],
                    "NoncurrentVersionExpiration": { "NoncurrentDays": 30 }
                  }
                ]
              }
            }
            """;
        const string Toml = """
            BucketName = "logs"
            [LifecycleConfiguration]
            TransitionDefaultMinimumObjectSize = "all_storage_classes_128K"
            [[LifecycleConfiguration.Rules]]
            ID = "archive"
            Status = "Enabled"
            Filter = { Prefix = "logs/" }
            Expiration = { Days = 3650 }
            Transitions = [{ Days = 30, StorageClass = "STANDARD_IA" }, { Days = 365, StorageClass = "GLACIER" }]
            NoncurrentVersionExpiration = { NoncurrentDays = 30 }
            """;

        var fromJson = Load(Json, "logs.json");

        fromJson.Diagnostics.Should().BeEmpty();
        fromJson.Buckets.Single().Configuration.Should().Be(Load(Toml, "logs.toml").Buckets.Single().Configuration);
    }

    [Test]
    public void Load_SameBucketInTomlAndJson_MergesAndReportsADuplicateIdNamingBothFiles()
    {
        var toml = Document("defs/a.toml", OneRule("ID = \"keep\"\nStatus = \"Enabled\"\nExpiration = { Days = 1 }", "shared"));
        var json = Document("defs/b.json", """
            {"BucketName": "shared", "LifecycleConfiguration": {"Rules": [
              {"ID": "other", "Status": "Enabled", "Expiration": {"Days": 2}},
              {"ID": "keep", "Status": "Enabled", "Expiration": {"Days": 3}}
            ]}}
            """);

        var set = DefinitionLoader.Load([json, toml]);

        var diagnostic = set.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Location.Should().Be(new SourceLocation("defs/b.json", 3, 10)); // the ID's value, as in TOML (a.toml:6:6)
        diagnostic.Field.Should().Be("LifecycleConfiguration.Rules[1].ID");
        diagnostic.Message.Should().Be("Rule ID 'keep' is already defined in defs/a.toml:6:6; a rule ID must be unique across the files of a bucket.");
        set.Buckets.Single().Configuration.Rules.Select(r => r.Id).Should().Equal("keep", "other");
        set.Buckets.Single().Files.Should().Equal("defs/a.toml", "defs/b.json");
    }

    [Test]
    public void Load_ConflictingMinimumObjectSizeAcrossFormats_IsAnError()
    {
        var toml = Document("a.toml", "BucketName = \"shared\"\n[LifecycleConfiguration]\nTransitionDefaultMinimumObjectSize = \"varies_by_storage_class\"\nRules = []\n");
        var json = Document("b.json", "{\"BucketName\": \"shared\", \"LifecycleConfiguration\": {\"TransitionDefaultMinimumObjectSize\": \"all_storage_classes_128K\", \"Rules\": []}}");

        var diagnostic = DefinitionLoader.Load([toml, json]).Diagnostics.Should().ContainSingle().Subject;

        diagnostic.Location.Should().Be(new SourceLocation("b.json", 1, 91));
        diagnostic.Message.Should().Be("TransitionDefaultMinimumObjectSize 'all_storage_classes_128K' conflicts with 'varies_by_storage_class' in a.toml:3:38.");
    }

    [TestCase("{\"BucketName\": \"b\",}", 1, 20, "a comma after the last item of an object or array is not allowed in JSON.")]
    [TestCase("{\"BucketName\": \"b\", \"X\": [1, 2, ]}", 1, 33, "a comma after the last item of an object or array is not allowed in JSON.")]
    [TestCase("{\n  // a note\n  \"BucketName\": \"b\"\n}", 2, 3, "comments are not allowed in JSON.")]
    [TestCase("{\"BucketName\": \"b\"} /* after */", 1, 21, "comments are not allowed in JSON.")]
    [TestCase("{\"BucketName\": \"\\ud800\"}", 1, 16, "the string escapes a lone UTF-16 surrogate (such as \\ud800), which is not text.")]
    public void Load_JsonSyntaxErrors_AreReportedAtTheirPlace(string json, int line, int column, string message)
    {
        var diagnostic = Load(json, "b.json").Diagnostics.Should().ContainSingle().Subject;

        diagnostic.Location.Should().Be(new SourceLocation("b.json", line, column));
        diagnostic.Message.Should().Be("JSON syntax error: " + message);
    }

    [TestCase("{\"BucketName\": \"b\"", 1, 19)]
    [TestCase("{\"BucketName\" \"b\"}", 1, 15)]
    [TestCase("{'BucketName': 'b'}", 1, 2)]
    [TestCase("{\"BucketName\": \"b\"}\n{}", 2, 1)]
    [TestCase("", 1, 1)]
    [TestCase("{\r\n  \"BucketName\": \"b\"\r\n  \"LifecycleConfiguration\": {}\r\n}", 3, 3)]
    public void Load_OtherJsonSyntaxErrors_AreSyntaxErrorsWithAPlaceAndWithoutTheReadersOwnPosition(string json, int line, int column)
    {
        var diagnostic = Load(json, "b.json").Diagnostics.Should().ContainSingle().Subject;

        diagnostic.Location.Should().Be(new SourceLocation("b.json", line, column));
        diagnostic.Message.Should().StartWith("JSON syntax error: ").And.NotContain("LineNumber").And.NotContain("BytePosition");
    }

    [TestCase("[]", "an array")]
    [TestCase("\"b-bucket\"", "a string")]
    [TestCase("null", "null")]
    public void Load_JsonRootThatIsNotAnObject_IsAnError(string json, string kind)
    {
        var diagnostic = Load(json, "b.json").Diagnostics.Should().ContainSingle().Subject;

        diagnostic.Location.Should().Be(new SourceLocation("b.json", 1, 1));
        diagnostic.Message.Should().Be($"A JSON definition file holds one object ({{ \"BucketName\": …, \"LifecycleConfiguration\": … }}), not {kind}.");
    }

    [Test]
    public void Load_JsonNullAndHugeIntegers_AreWrongTypesAndOutOfRange()
    {
        var set = Load(JsonRule("""{"ID": "r", "Status": null, "Filter": {"ObjectSizeGreaterThan": 99999999999999999999}, "Expiration": {"Days": 1}}"""), "b.json");

        set.Diagnostics.Select(d => (d.Field, d.Message)).Should().Equal(
            (RulePath + ".Status", "Expected a string, got null."),
            (RulePath + ".Filter.ObjectSizeGreaterThan", "Value 99999999999999999999 is out of range: expected an integer from -9223372036854775808 to 9223372036854775807."));
    }

    [Test]
    public void Load_JsonPositions_CountCharactersNotBytesAndLinesAcrossCrLf()
    {
        // "é" is two bytes in UTF-8 and "𝄞" four: one column each, as for TOML files; \r\n ends a line.
        var json = "{\r\n  \"BucketName\": \"b-bucket\",\r\n  \"LifecycleConfiguration\": {\"Rules\": [\r\n"
            + "    {\"ID\": \"é𝄞\", \"Status\": \"Enabled\", \"Expiration\": {\"Days\": \"x\"}}\r\n  ]}\r\n}\r\n";
        var toml = "BucketName = \"b-bucket\"\r\n[LifecycleConfiguration]\r\n[[LifecycleConfiguration.Rules]]\r\n"
            + "ID = \"é𝄞\"\r\nStatus = \"Enabled\"\r\nExpiration = { Days = \"x\" }\r\n";

        var fromJson = Load(json, "b.json").Diagnostics.Should().ContainSingle().Subject;
        var fromToml = Load(toml, "b.toml").Diagnostics.Should().ContainSingle().Subject;

        fromJson.Location.Should().Be(new SourceLocation("b.json", 4, 62));
        fromJson.RuleId.Should().Be("é𝄞");
        fromToml.Location.Should().Be(new SourceLocation("b.toml", 6, 23));
        fromToml.RuleId.Should().Be("é𝄞");
    }

    [Test]
    public void Load_JsonMultibyteBeforeAProblem_GivesTheSameColumnAsToml()
    {
        var fromToml = Load(OneRule("ID = \"r\"\nStatus = \"Enabled\"\nFilter = { Prefix = \"é𝄞/\", Tag = 1 }\nExpiration = { Days = 1 }"), "b.toml")
            .Diagnostics.Should().ContainSingle().Subject;
        var fromJson = Load("{\"BucketName\": \"b-bucket\", \"LifecycleConfiguration\": {\"Rules\": [{\"ID\": \"r\", \"Status\": \"Enabled\", \"Expiration\": {\"Days\": 1},\n"
            + "\"Filter\": { \"Prefix\" : \"é𝄞/\", \"Tag\" : 1 }}]}}", "b.json")
            .Diagnostics.Should().ContainSingle().Subject;

        // One column per character: TOML `Filter = { Prefix = "é𝄞/", Tag = 1 }`, the 1 at column 34; JSON
        // `"Filter": { "Prefix" : "é𝄞/", "Tag" : 1 }`, the 1 at column 39 (é is 2 bytes, 𝄞 4 bytes and 2 UTF-16 units).
        fromToml.Location!.Column.Should().Be(34);
        fromJson.Location!.Column.Should().Be(39);
        fromJson.Message.Should().Be("Expected an object, got an integer.");
    }

    [Test]
    public void Load_JsonWithByteOrderMark_IsReadWithColumnsAfterIt()
    {
        var text = JsonRule("""{"ID": "r", "Status": "Enabled", "Expiration": {"Days": 0}}""");
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(text)).ToArray();

        var set = DefinitionLoader.Load([new DefinitionDocument("b.json", bytes)]);

        var (line, column) = Where(text, "0}");
        set.Diagnostics.Should().ContainSingle().Which.Location.Should().Be(new SourceLocation("b.json", line, column));
    }

    [Test]
    public void Load_JsonNotUtf8_IsRejectedAsForToml()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"BucketName\": \"b").Concat(new byte[] { 0xFF }).Concat(Encoding.UTF8.GetBytes("\"}")).ToArray();

        var diagnostic = DefinitionLoader.Load([new DefinitionDocument("b.json", bytes)]).Diagnostics.Should().ContainSingle().Subject;

        diagnostic.Message.Should().Be("The file is not valid UTF-8: definition files must be UTF-8 encoded.");
        diagnostic.Location.Should().Be(new SourceLocation("b.json", 1, 18));
    }

    [Test]
    public void Load_JsonOverOneMebibyte_IsRejectedAsForToml()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"BucketName\": \"" + new string('a', DefinitionLoader.MaxFileBytes) + "\"}");

        var diagnostic = DefinitionLoader.Load([new DefinitionDocument("b.json", bytes)]).Diagnostics.Should().ContainSingle().Subject;

        diagnostic.Message.Should().Be("The file is larger than 1 MiB; a definition file must be smaller.");
    }

    [Test]
    public void Load_JsonNestedTooDeeply_IsASyntaxError()
    {
        var json = "{\"BucketName\": " + new string('[', 100) + new string(']', 100) + "}";

        var diagnostic = Load(json, "b.json").Diagnostics.Should().ContainSingle().Subject;

        diagnostic.Message.Should().StartWith("JSON syntax error: ");
    }

    [Test]
    public void Load_JsonDatesAndEscapedKeys_AreRead()
    {
        var set = Load(JsonRule("""{"\u0049D": "r", "Status": "Enabled", "Filter": {"Prefix": "a\/b"}, "Expiration": {"Date": "2028-01-01T00:00:00+00:00"}, "Transitions": [{"Date": "2027-01-01", "StorageClass": "GLACIER"}]}"""), "b.json");

        set.Diagnostics.Should().BeEmpty();
        var rule = set.Buckets.Single().Configuration.Rules.Single();
        rule.Id.Should().Be("r");
        rule.Filter!.Prefix.Should().Be("a/b");
        rule.Expiration!.Date.Should().Be(new DateTimeOffset(2028, 1, 1, 0, 0, 0, TimeSpan.Zero));
        rule.Transitions.Single().Date.Should().Be(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }

    [Test]
    public void Load_ExplicitFileOfAnotherName_IsReadAsToml()
    {
        var set = Load(OneRule("ID = \"r\"\nStatus = \"Enabled\"\nExpiration = { Days = 1 }"), "definition.txt");

        set.Diagnostics.Should().BeEmpty();
        set.Buckets.Single().Bucket.Should().Be("b-bucket");
    }

    /// <summary>Wraps one JSON rule (one line) into a file: the rule is on line 5, from column 7.</summary>
    private static string JsonRule(string rule, string bucket = "b-bucket") =>
        $"{{\n  \"BucketName\": \"{bucket}\",\n  \"LifecycleConfiguration\": {{\n    \"Rules\": [\n      {rule}\n    ]\n  }}\n}}\n";

    /// <summary>The line and column (UTF-16, from 1) of the first occurrence of <paramref name="marker"/> in <paramref name="text"/>.</summary>
    private static (int Line, int Column) Where(string text, string marker)
    {
        var index = text.IndexOf(marker, StringComparison.Ordinal);
        index.Should().BeGreaterThanOrEqualTo(0, $"'{marker}' is in the file");
        var before = text[..index];
        var line = before.Count(c => c == '\n') + 1;
        var column = index - (before.LastIndexOf('\n') + 1) + 1;
        return (line, column);
    }
}
