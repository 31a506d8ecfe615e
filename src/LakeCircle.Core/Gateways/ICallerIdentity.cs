namespace LakeCircle.Core.Gateways;

/// <summary>Tells which AWS account the credentials in use belong to, so a run can refuse a wrong account before writing.</summary>
internal interface ICallerIdentity
{
    /// <summary>Reads the account of the credentials.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The 12-digit account ID, or <see langword="null"/> when this endpoint has no way to tell (S3-compatible servers).</returns>
    /// <exception cref="S3GatewayException">The call failed (no credentials, invalid credentials, no network).</exception>
    Task<string?> GetAccountAsync(CancellationToken cancellationToken = default);
}
