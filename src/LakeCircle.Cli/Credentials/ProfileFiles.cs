using Amazon.Runtime.CredentialManagement;

namespace LakeCircle.Cli.Credentials;

/// <summary>
/// The shared AWS credentials and config files profiles are read from, as the SDK reads them: by default
/// <c>~/.aws/credentials</c> and <c>~/.aws/config</c>, or <c>AWS_SHARED_CREDENTIALS_FILE</c> and <c>AWS_CONFIG_FILE</c>
/// (read by the SDK once per process, when they name existing files).
/// </summary>
internal sealed class ProfileFiles
{
    private ProfileFiles(string? credentialsLocation, string credentialsFile, string configFile)
    {
        CredentialsLocation = credentialsLocation;
        CredentialsFile = credentialsFile;
        ConfigFile = configFile;
    }

    /// <summary>The files of the environment (the SDK's defaults).</summary>
    public static ProfileFiles Default { get; } = new(null, SharedCredentialsFile.DefaultFilePath, SharedCredentialsFile.DefaultConfigFilePath);

    /// <summary>The credentials file read.</summary>
    public string CredentialsFile { get; }

    /// <summary>The config file read.</summary>
    public string ConfigFile { get; }

    /// <summary>The credentials file given to the SDK, or <see langword="null"/> for its default.</summary>
    private string? CredentialsLocation { get; }

    /// <summary>
    /// A credentials file of one's own. The SDK reads the <c>config</c> file next to it, unless <c>AWS_CONFIG_FILE</c> is
    /// set (then that one).
    /// </summary>
    /// <param name="credentialsFile">The path of the credentials file.</param>
    public static ProfileFiles At(string credentialsFile)
    {
        ArgumentException.ThrowIfNullOrEmpty(credentialsFile);
        var full = Path.GetFullPath(credentialsFile);
        var config = string.IsNullOrEmpty(Environment.GetEnvironmentVariable(SharedCredentialsFile.SharedConfigFileEnvVar))
            ? Path.Combine(Path.GetDirectoryName(full) ?? ".", "config")
            : SharedCredentialsFile.DefaultConfigFilePath;
        return new ProfileFiles(full, full, config);
    }

    /// <summary>A store over these files (a new one reads them afresh).</summary>
    public CredentialProfileStoreChain CreateStore() => CredentialsLocation is null ? new() : new(CredentialsLocation);

    /// <summary>The files, for messages: <c>~/.aws/config or ~/.aws/credentials</c> with the paths read.</summary>
    public string Describe() => $"{ConfigFile} or {CredentialsFile}";
}
