using System.Text.RegularExpressions;
using LakeCircle.Cli.Configuration;
using LakeCircle.Core.Model;

namespace LakeCircle.Cli.Tests.Configuration;

public class SettingReaderTests
{
    private static readonly SettingDefinition Secret = new()
    {
        Name = "LCC_TEST_SECRET", Kind = SettingKind.Choice, Secret = true, Flag = "--test-secret",
        Choices = ValueList.Of("ONE", "TWO"), Description = "A secret used by tests.",
    };

    private static SettingReader Reader(string value) =>
        new(new Dictionary<string, string?> { [Secret.Name] = value }, null, SettingsFixtures.BaseDirectory);

    [Test]
    public void Choice_SecretValue_NeverEchoed()
    {
        var reader = Reader("hunter2");

        reader.Choice(Secret).Should().BeNull();

        var error = reader.Errors.Should().ContainSingle().Subject;
        error.Field.Should().Be("LCC_TEST_SECRET");
        error.Message.Should().StartWith("LCC_TEST_SECRET must be one of ONE, TWO").And.NotContain("hunter2");
    }

    [Test]
    public void Matching_SecretValue_NeverEchoed()
    {
        var reader = Reader("hunter2");

        reader.Matching(Secret with { Kind = SettingKind.String }, new Regex("^[0-9]+$"), "digits").Should().BeNull();

        reader.Errors.Should().ContainSingle().Which.Message.Should().NotContain("hunter2").And.Contain("LCC_TEST_SECRET");
    }

    [Test]
    public void Url_SecretValue_NeverEchoed()
    {
        var reader = Reader("user:hunter2@host");

        reader.Url(Secret with { Kind = SettingKind.Url }).Should().BeNull();

        reader.Errors.Should().ContainSingle().Which.Message.Should().NotContain("hunter2");
    }

    [Test]
    public void Raw_MissingRequired_MentionsFlag()
    {
        var reader = new SettingReader(new Dictionary<string, string?>(), null, SettingsFixtures.BaseDirectory);

        reader.Raw(Secret with { Required = true }).Should().BeNull();

        reader.Errors.Should().ContainSingle().Which.Message.Should().Be(
            "LCC_TEST_SECRET is required (or pass --test-secret): A secret used by tests.");
    }
}
