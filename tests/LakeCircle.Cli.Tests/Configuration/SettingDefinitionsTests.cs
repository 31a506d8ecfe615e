using LakeCircle.Cli.Configuration;

namespace LakeCircle.Cli.Tests.Configuration;

public class SettingDefinitionsTests
{
    [Test]
    public void All_ListsEveryVariableOnce()
    {
        SettingDefinitions.All.Select(d => d.Name).Should().Equal(
            "LCC_ENDPOINT", "LCC_AWS_ACCOUNT", "LCC_AWS_REGION", "LCC_AWS_REGIONS", "LCC_ACTIONS", "LCC_ACTION_PARAMS", "LCC_APP_LEVEL",
            "LCC_LOG_FORMAT", "LCC_APP_NAME", "LCC_S3_ENDPOINT", "LCC_SNAPSHOT", "LCC_OUTPUT");
        SettingDefinitions.All.Select(d => d.Flag).Should().OnlyHaveUniqueItems().And.OnlyContain(f => f.StartsWith("--", StringComparison.Ordinal));
        SettingDefinitions.All.Should().OnlyContain(d => d.Description.Length > 10);
    }

    [Test]
    public void All_RequiredOnesHaveNoDefault()
    {
        SettingDefinitions.All.Where(d => d.Required).Select(d => d.Name).Should().Equal("LCC_ENDPOINT", "LCC_AWS_ACCOUNT", "LCC_AWS_REGION");
        SettingDefinitions.All.Where(d => d.Required).Should().OnlyContain(d => d.Default == null);
    }

    [Test]
    public void All_ChoiceDefaultsAreChoices() =>
        SettingDefinitions.All.Where(d => d.Kind == SettingKind.Choice)
            .Should().OnlyContain(d => d.Default != null && d.Choices.Contains(d.Default));

    [Test]
    public void Get_UnknownName_Throws()
    {
        SettingDefinitions.Get("LCC_OUTPUT").Default.Should().Be("text");
        var act = () => SettingDefinitions.Get("LCC_NOPE");
        act.Should().Throw<KeyNotFoundException>().WithMessage("*LCC_NOPE*");
    }
}
