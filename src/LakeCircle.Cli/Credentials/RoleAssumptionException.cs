using Amazon.Runtime;

namespace LakeCircle.Cli.Credentials;

/// <summary>
/// AssumeRole failed: <c>could not assume role &lt;arn&gt;: &lt;STS error code&gt;: &lt;message&gt;</c>. An
/// <see cref="AmazonClientException"/>, so a call signed with the role's credentials fails with this message.
/// </summary>
internal sealed class RoleAssumptionException : AmazonClientException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="roleArn">The role.</param>
    /// <param name="message">The full message.</param>
    /// <param name="errorCode">The STS error code, when STS answered.</param>
    /// <param name="innerException">The SDK's failure.</param>
    public RoleAssumptionException(string roleArn, string message, string? errorCode, Exception? innerException)
        : base(message, innerException)
    {
        RoleArn = roleArn;
        ErrorCode = errorCode;
    }

    /// <summary>The role that could not be assumed.</summary>
    public string RoleArn { get; }

    /// <summary>STS's error code (such as <c>AccessDenied</c>), or <see langword="null"/> when STS did not answer.</summary>
    public string? ErrorCode { get; }
}
