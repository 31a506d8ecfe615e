using LakeCircle.Cli.Targets;

namespace LakeCircle.Cli.Tests.Targets;

public class TargetAccessTests
{
    [Test]
    public async Task Caller_IsTheSdksDefaultChain()
    {
        var (credentials, problem) = await TargetAccess.CredentialsAsync(Target(), NoVariables, CancellationToken.None);

        credentials.Should().BeNull();
        problem.Should().BeNull();
    }

    [Test]
    public async Task UnknownProfile_IsAProblemNamingIt()
    {
        var name = "no-such-profile-" + Guid.NewGuid().ToString("N");

        var (credentials, problem) = await TargetAccess.CredentialsAsync(Target() with { Profile = name }, NoVariables, CancellationToken.None);

        credentials.Should().BeNull();
        problem.Should().StartWith($"profile '{name}' is not in ");
    }

    [Test]
    public async Task RoleArn_IsAssumed_NotTheCallersOwnCredentials()
    {
        // A target with role_arn must run with the role's credentials (STS AssumeRole with its external ID, session
        // name and duration); null credentials are the caller's own, which would read and write with the wrong identity.
        var target = Target() with
        {
            RoleArn = "arn:aws:iam::111111111111:role/lakecircle",
            ExternalId = "ext-1234",
            SessionName = "lakecircle-prod",
            SessionDuration = TimeSpan.FromHours(1),
        };

        var (credentials, problem) = await TargetAccess.CredentialsAsync(target, NoVariables, CancellationToken.None);

        (credentials is not null || problem is not null).Should().BeTrue("a role target gets the role's credentials (or says why it cannot), never the caller's own");
    }

    private static readonly Dictionary<string, string?> NoVariables = new(StringComparer.Ordinal);

    private static Target Target() => new()
    {
        Name = "prod",
        Account = "111111111111",
        Region = "eu-west-1",
        Endpoint = "s3://lc-state/prod/",
        DeclaredAt = "targets.toml:1",
    };
}
