using System.Text.RegularExpressions;
using LakeCircle.Cli.Tests.Commands;

namespace LakeCircle.Cli.Tests.Hostile;

/// <summary>What no output of <c>lakecircle</c> may contain: a .NET stack trace or an exception's type name heading a line.</summary>
internal static partial class CleanFailure
{
    public static void ShouldHaveNoStackTrace(this CliResult result)
    {
        var text = result.Output + "\n" + result.Error;
        text.Should().NotContain("Unhandled exception", result.ToString());
        foreach (var line in text.Split('\n'))
        {
            line.Should().NotStartWith("   at ", result.ToString());
            StackFrame().IsMatch(line).Should().BeFalse($"'{line}' looks like a stack frame\n{result}");
            ExceptionHead().IsMatch(line).Should().BeFalse($"'{line}' starts with an exception type\n{result}");
        }
    }

    [GeneratedRegex(@"^\s+at [\w.`<>]+\.[\w<>`]+\(", RegexOptions.CultureInvariant)]
    private static partial Regex StackFrame();

    [GeneratedRegex(@"^(?:System\.IO\.|[\w.]*Exception:)", RegexOptions.CultureInvariant)]
    private static partial Regex ExceptionHead();
}
