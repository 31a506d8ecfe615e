namespace LakeCircle.Core.Tests.Client;

/// <summary>The values <see cref="ClientSettings.SecretValues"/> scrubs from what a run writes: those given, and those of held credentials.</summary>
public sealed class ClientSettingsSecretsTests
{
    [Test]
    public void From_BasicCredentials_AddsTheirKeysToTheGivenSecrets()
    {
        var options = new LakeCircleClientOptions
        {
            SecretValues = ["given-secret"],
            Credentials = new Amazon.Runtime.BasicAWSCredentials("AKIAEXAMPLEKEY123456", "secret-key-value"),
        };

        var secrets = ClientSettings.From(options, sourcesGiven: true).SecretValues;

        secrets.Should().BeEquivalentTo(["given-secret", "secret-key-value", "AKIAEXAMPLEKEY123456"]);
    }

    [Test]
    public void From_SessionCredentials_AddsTheTokenToo()
    {
        var options = new LakeCircleClientOptions
        {
            SecretValues = [],
            Credentials = new Amazon.Runtime.SessionAWSCredentials("AKIAEXAMPLEKEY123456", "secret-key-value", "session-token-value"),
        };

        var secrets = ClientSettings.From(options, sourcesGiven: true).SecretValues;

        secrets.Should().BeEquivalentTo(["secret-key-value", "session-token-value", "AKIAEXAMPLEKEY123456"]);
    }

    [Test]
    public void From_NoCredentials_KeepsTheGivenSecretsAlone()
    {
        var secrets = ClientSettings.From(new LakeCircleClientOptions { SecretValues = ["given-secret"] }, sourcesGiven: true).SecretValues;

        secrets.Should().Equal("given-secret");
    }
}
