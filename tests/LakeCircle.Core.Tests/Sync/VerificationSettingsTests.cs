using LakeCircle.Core.Sync;

namespace LakeCircle.Core.Tests.Sync;

/// <summary>How the client's options choose the read-back after each write (<see cref="ClientSettings.Verification"/>).</summary>
public sealed class VerificationSettingsTests
{
    [Test]
    public void From_WaitForConsistency_ReadsBackUntilSeenConsistentlyWithinTheWaitTimeout()
    {
        var options = new LakeCircleClientOptions { WaitForConsistency = true, WaitTimeout = TimeSpan.FromMinutes(5), VerifyWrites = false };

        var policy = ClientSettings.From(options, sourcesGiven: true).Verification;

        policy.Should().Be(VerificationPolicy.Consistent(TimeSpan.FromMinutes(5)));
        policy!.Sightings.Should().Be(3);
        policy.PollInterval.Should().Be(TimeSpan.FromSeconds(1));
    }

    [Test]
    public void From_Defaults_BoundedTenSecondsFirstSightingEnough()
    {
        var policy = ClientSettings.From(new LakeCircleClientOptions(), sourcesGiven: true).Verification;

        policy.Should().Be(VerificationPolicy.Bounded(TimeSpan.FromSeconds(10)));
    }
}
