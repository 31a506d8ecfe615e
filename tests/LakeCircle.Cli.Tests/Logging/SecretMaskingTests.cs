using System.Text.Json;
using LakeCircle.Cli.Configuration;
using LakeCircle.Cli.Logging;
using Microsoft.Extensions.Logging;

namespace LakeCircle.Cli.Tests.Logging;

public class SecretMaskingTests
{
    private const string Secret = "wJalrXUtnFEMI-K7MDENG";

    [TestCase("SecretAccessKey")]
    [TestCase("secret_access_key")]
    [TestCase("Password")]
    [TestCase("db-passwd")]
    [TestCase("SessionToken")]
    [TestCase("Credentials")]
    [TestCase("AccessKeyId")]
    [TestCase("ApiKey")]
    [TestCase("SigningKey")]
    public void IsSecret_SecretLookingKeys_True(string key) => SecretMasker.IsSecret(key).Should().BeTrue();

    [TestCase("Bucket")]
    [TestCase("Key")]
    [TestCase("ObjectKey")]
    [TestCase("RuleId")]
    [TestCase("Keys")]
    public void IsSecret_OrdinaryKeys_False(string key) => SecretMasker.IsSecret(key).Should().BeFalse();

    [TestCase(LogFormat.Text)]
    [TestCase(LogFormat.Tree)]
    [TestCase(LogFormat.Json)]
    public void Log_SecretStateAndScope_MaskedEverywhere(object format)
    {
        using var capture = new LogCapture((LogFormat)format);
        var logger = capture.Logger();

        using (logger.BeginScope(new Dictionary<string, object?> { ["SessionToken"] = Secret + "-scope" }))
        using (logger.BeginScope("Signing with {ApiKey}", Secret + "-template"))
        {
            logger.LogInformation("Using {SecretAccessKey} for {Bucket}", Secret, "logs");
        }

        capture.Text.Should().NotContain(Secret).And.Contain("***").And.Contain("logs");
    }

    [Test]
    public void Log_SecretInText_ShownAsMaskedPair()
    {
        using var capture = new LogCapture(LogFormat.Text);

        capture.Logger().LogInformation("Connecting with {Password}", Secret);

        capture.Lines.Should().ContainSingle().Which.Should().EndWith("Connecting with *** Password=***");
    }

    [Test]
    public void Log_SecretInJson_StateValueMasked()
    {
        using var capture = new LogCapture(LogFormat.Json);

        capture.Logger().LogInformation("Token {Token} for {Key}", Secret, "definition/logs.toml");

        var state = JsonDocument.Parse(capture.Lines.Single()).RootElement.GetProperty("state");
        state.GetProperty("Token").GetString().Should().Be("***");
        state.GetProperty("Key").GetString().Should().Be("definition/logs.toml");
    }
}
