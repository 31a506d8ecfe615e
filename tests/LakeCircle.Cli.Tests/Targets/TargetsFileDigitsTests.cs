using LakeCircle.Cli.Targets;

namespace LakeCircle.Cli.Tests.Targets;

/// <summary>Account IDs, regions and role ARNs are ASCII: digits of other scripts, which .NET's <c>\d</c> matches, are refused.</summary>
public class TargetsFileDigitsTests
{
    [TestCase("account = \"١٢٣٤٥٦٧٨٩٠١٢\"", "target[0].account")]
    [TestCase("account = \"111111111111\"\nregion = \"eu-west-١\"", "target[0].region")]
    [TestCase("account = \"111111111111\"\nrole_arn = \"arn:aws:iam::١١١١١١١١١١١١:role/x\"", "target[0].role_arn")]
    [TestCase("account = \"111111111111\"\nrole_arn = \"arn:aws:iam::111111111111:role/é\"", "target[0].role_arn")]
    public void Read_NonAsciiDigitsOrLetters_AreRefusedNamingTheField(string keys, string field)
    {
        using var folder = new TargetsFolder();
        var region = keys.Contains("region =", StringComparison.Ordinal) ? "" : "region = \"eu-west-1\"\n";
        var path = folder.Write($"[[target]]\nname = \"prod\"\n{region}endpoint = \"state\"\n{keys}\n");

        var result = TargetsFile.Read(path);

        result.IsValid.Should().BeFalse();
        result.Targets.Should().BeEmpty();
        result.Problems.Should().Contain(p => p.ToString().Contains(field, StringComparison.Ordinal));
    }

    [Test]
    public void Settings_AnAccountOfOtherDigits_IsRefused()
    {
        Cli.Configuration.SettingsBuilder.AccountPattern().IsMatch("١٢٣٤٥٦٧٨٩٠١٢").Should().BeFalse();
        Cli.Configuration.SettingsBuilder.AccountPattern().IsMatch("111111111111\n").Should().BeFalse();
        Cli.Configuration.SettingsBuilder.AccountPattern().IsMatch("111111111111").Should().BeTrue();
    }
}
