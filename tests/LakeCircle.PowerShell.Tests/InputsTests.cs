using LakeCircle.PowerShell.Running;

namespace LakeCircle.PowerShell.Tests;

public sealed class InputsTests
{
    [Test]
    public void Times_are_read_in_the_command_line_s_forms_and_powershell_s()
    {
        var stamp = new DateTimeOffset(2026, 3, 14, 9, 15, 0, 250, TimeSpan.Zero);

        Inputs.TryReadTime("20260314T091500.250Z", out var fromStamp).Should().BeTrue();
        fromStamp.Should().Be(stamp);
        Inputs.TryReadTime("2026-03-14T09:15:00.250", out var fromIso).Should().BeTrue();
        fromIso.Should().Be(stamp, "a time without an offset is UTC, as for the command line");
        Inputs.TryReadTime(stamp, out var same).Should().BeTrue();
        same.Should().Be(stamp);
        Inputs.TryReadTime(new DateTime(2026, 3, 14, 9, 15, 0, 250, DateTimeKind.Unspecified), out var unspecified).Should().BeTrue();
        unspecified.Should().Be(stamp);
        Inputs.TryReadTime("yesterday", out _).Should().BeFalse();
    }

    [Test]
    public void Durations_are_read_in_the_command_line_s_forms_and_powershell_s()
    {
        Inputs.TryReadDuration("90s", out var seconds).Should().BeTrue();
        seconds.Should().Be(TimeSpan.FromSeconds(90));
        Inputs.TryReadDuration("5m", out var minutes).Should().BeTrue();
        minutes.Should().Be(TimeSpan.FromMinutes(5));
        Inputs.TryReadDuration(30, out var number).Should().BeTrue();
        number.Should().Be(TimeSpan.FromSeconds(30));
        Inputs.TryReadDuration("00:01:30", out var span).Should().BeTrue();
        span.Should().Be(TimeSpan.FromSeconds(90));
        Inputs.TryReadDuration("soon", out _).Should().BeFalse();
        Inputs.TryReadDuration(-1, out _).Should().BeFalse();
    }

    [Test]
    public void Wait_timeouts_are_from_one_second_to_one_hour()
    {
        Inputs.InWaitRange(TimeSpan.FromSeconds(1)).Should().BeTrue();
        Inputs.InWaitRange(TimeSpan.FromHours(1)).Should().BeTrue();
        Inputs.InWaitRange(TimeSpan.FromMilliseconds(500)).Should().BeFalse();
        Inputs.InWaitRange(TimeSpan.FromHours(2)).Should().BeFalse();
    }
}
