using LakeCircle.Cli.Tests.Commands;

namespace LakeCircle.Cli.Tests.Output;

/// <summary>Outside text in definition files (keys, rule IDs) reaches <c>lakecircle validate</c>'s text output escaped.</summary>
public class HostileValidationTextTests
{
    [Test]
    public async Task Validate_HostileKeyAndRuleId_ProblemLineEscaped()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lakecircle-hostile-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var file = Path.Combine(folder, "evil.toml");
            await File.WriteAllTextAsync(file, """
                BucketName = "acme-logs"

                [[LifecycleConfiguration.Rules]]
                ID = "expire\n1 bucket, 1 rule, no problems\u001b[2J"
                Status = "Enabled"
                Filter = {}
                Expiration = { Days = 1 }
                "Expiration\u202e" = 1
                """);

            var result = await CliRun.RunAsync("validate", file);

            result.ExitCode.Should().Be(ExitCodes.Error, result.ToString());
            result.Output.Should().NotContain("\u001b").And.NotContain("\u202e");
            var lines = result.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
            lines.Should().HaveCount(2);
            lines[0].Should().Contain(@"acme-logs/expire\n1 bucket, 1 rule, no problems\x1b[2J: ").And.Contain(@"Expiration\u202e");
            lines[1].Should().StartWith("1 problem in 1 file");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
