using LakeCircle.Cli.Configuration;
using LakeCircle.Core.Model;
using static LakeCircle.Cli.Tests.Configuration.SettingsFixtures;

namespace LakeCircle.Cli.Tests.Configuration;

public class ActionParametersParserTests
{
    private static IReadOnlyList<string> Errors(string json) =>
        Build(Environment(("LCC_ACTION_PARAMS", json))).Errors.Select(e => e.Message).ToList();

    [Test]
    public void Parse_EveryKey_IsTyped()
    {
        var parameters = Valid(("LCC_ACTION_PARAMS", """
            {"buckets": ["logs", "data", "logs"], "concurrency": 64, "writeConcurrency": 4, "maxChanges": 10,
             "maxDeletions": 0, "detailedExitCode": true, "wait": true}
            """)).ActionParameters;

        parameters.Should().Be(new ActionParameters
        {
            Buckets = ValueList.Of("logs", "data"),
            Concurrency = 64,
            WriteConcurrency = 4,
            MaxChanges = 10,
            MaxDeletions = 0,
            DetailedExitCode = true,
            Wait = true,
        });
    }

    private const string DurationForms = "a number with a unit such as 60s, 5m or 500ms (a bare number is seconds)";

    [TestCase("""{"waitTimeout": "90s"}""", 90)]
    [TestCase("""{"waitTimeout": "5m"}""", 300)]
    [TestCase("""{"waitTimeout": "1h"}""", 3600)]
    [TestCase("""{"waitTimeout": 45}""", 45)]
    [TestCase("""{"waitTimeout": "1500ms"}""", 1.5)]
    public void Parse_WaitTimeout_IsADuration(string json, double seconds)
    {
        Valid(("LCC_ACTION_PARAMS", json)).ActionParameters.WaitTimeout.Should().Be(TimeSpan.FromSeconds(seconds));
    }

    [Test]
    public void Parse_EmptyBucketList_SelectsNoBucket()
    {
        var parameters = Valid(("LCC_ACTION_PARAMS", """{"buckets": []}""")).ActionParameters;

        parameters.Buckets.Should().NotBeNull().And.BeEmpty("an explicitly empty list is not the absence of one");
    }

    [Test]
    public void Parse_EmptyObject_KeepsDefaults()
    {
        var parameters = Valid(("LCC_ACTION_PARAMS", "{}")).ActionParameters;

        parameters.Should().Be(ActionParameters.Default);
        parameters.Concurrency.Should().Be(16);
        parameters.WriteConcurrency.Should().Be(2);
        parameters.MaxChanges.Should().BeNull();
        parameters.Buckets.Should().BeNull("no key means every defined bucket");
        parameters.Wait.Should().BeFalse();
        parameters.WaitTimeout.Should().Be(TimeSpan.FromSeconds(60));
    }

    [TestCase("""{"concurrency": 0}""", "LCC_ACTION_PARAMS key 'concurrency' must be an integer from 1 to 256, got 0.")]
    [TestCase("""{"concurrency": 257}""", "LCC_ACTION_PARAMS key 'concurrency' must be an integer from 1 to 256, got 257.")]
    [TestCase("""{"concurrency": "8"}""", "LCC_ACTION_PARAMS key 'concurrency' must be an integer from 1 to 256, got \"8\".")]
    [TestCase("""{"concurrency": 2.5}""", "LCC_ACTION_PARAMS key 'concurrency' must be an integer from 1 to 256, got 2.5.")]
    [TestCase("""{"writeConcurrency": 65}""", "LCC_ACTION_PARAMS key 'writeConcurrency' must be an integer from 1 to 64, got 65.")]
    [TestCase("""{"maxChanges": -1}""", "LCC_ACTION_PARAMS key 'maxChanges' must be an integer of at least 0, got -1.")]
    [TestCase("""{"maxDeletions": null}""", "LCC_ACTION_PARAMS key 'maxDeletions' must be an integer of at least 0, got null.")]
    [TestCase("""{"detailedExitCode": "yes"}""", "LCC_ACTION_PARAMS key 'detailedExitCode' must be true or false, got \"yes\".")]
    [TestCase("""{"wait": 1}""", "LCC_ACTION_PARAMS key 'wait' must be true or false, got 1.")]
    [TestCase("""{"waitTimeout": "soon"}""", "LCC_ACTION_PARAMS key 'waitTimeout' must be a duration from 1s to 1h, " + DurationForms + "; got \"soon\".")]
    [TestCase("""{"waitTimeout": 0}""", "LCC_ACTION_PARAMS key 'waitTimeout' must be a duration from 1s to 1h, " + DurationForms + "; got 0.")]
    [TestCase("""{"waitTimeout": "2h"}""", "LCC_ACTION_PARAMS key 'waitTimeout' must be a duration from 1s to 1h, " + DurationForms + "; got \"2h\".")]
    [TestCase("""{"waitTimeout": true}""", "LCC_ACTION_PARAMS key 'waitTimeout' must be a duration from 1s to 1h, " + DurationForms + "; got true.")]
    [TestCase("""{"buckets": "logs"}""", "LCC_ACTION_PARAMS key 'buckets' must be an array of bucket names, got \"logs\".")]
    [TestCase("""{"buckets": ["logs", ""]}""", "LCC_ACTION_PARAMS key 'buckets' item 1 must be a non-empty bucket name, got \"\".")]
    public void Parse_WrongType_NamesKey(string json, string message) => Errors(json).Should().Equal(message);

    [Test]
    public void Parse_UnknownKey_NamesKeyAndListsKnownKeys()
    {
        Errors("""{"parallel": 3}""").Should().Equal(
            "LCC_ACTION_PARAMS has an unknown key 'parallel'; known keys: buckets, concurrency, writeConcurrency, "
            + "maxChanges, maxDeletions, maxDestructive, allowDestructive, detailedExitCode, wait, waitTimeout.");
    }

    [Test]
    public void Parse_WrongCaseKey_SuggestsSpelling() =>
        Errors("""{"Concurrency": 3}""").Should().Equal("LCC_ACTION_PARAMS has an unknown key 'Concurrency'; did you mean 'concurrency'?.");

    [Test]
    public void Parse_DuplicateKey_IsError() =>
        Errors("""{"wait": true, "wait": false}""").Should().Equal("LCC_ACTION_PARAMS has the key 'wait' more than once.");

    [Test]
    public void Parse_SeveralProblems_ReportsEach() =>
        Errors("""{"concurrency": 0, "wait": "no", "extra": 1}""").Should().HaveCount(3)
            .And.OnlyContain(m => m.StartsWith("LCC_ACTION_PARAMS", StringComparison.Ordinal));

    [TestCase("[1, 2]", "LCC_ACTION_PARAMS must be a JSON object, got [1, 2].")]
    [TestCase("42", "LCC_ACTION_PARAMS must be a JSON object, got 42.")]
    public void Parse_NotAnObject_IsError(string json, string message) => Errors(json).Should().Equal(message);

    [Test]
    public void Parse_InvalidJson_IsError() =>
        Errors("{concurrency: 3}").Should().ContainSingle().Which.Should().StartWith("LCC_ACTION_PARAMS is not valid JSON");
}
