namespace LakeCircle.Core.Workflows;

/// <summary>A server did not store, by meaning, the lifecycle configuration it was sent; the message says what it dropped.</summary>
internal sealed class WriteVerificationException : Exception
{
    public WriteVerificationException(string bucket, string message, IReadOnlyList<string> differences)
        : base(message)
    {
        Bucket = bucket;
        Differences = differences;
    }

    public string Bucket { get; }

    public IReadOnlyList<string> Differences { get; }
}
