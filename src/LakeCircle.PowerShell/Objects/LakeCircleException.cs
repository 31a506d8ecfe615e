namespace LakeCircle.PowerShell;

/// <summary>
/// The exception of the error records the cmdlets write for expected failures (configuration, definitions, the account,
/// a bucket's write): it carries the message only and is never thrown, so no stack trace comes with it.
/// </summary>
public sealed class LakeCircleException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LakeCircleException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    /// <param name="message">What went wrong (masked and escaped).</param>
    public LakeCircleException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public LakeCircleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
