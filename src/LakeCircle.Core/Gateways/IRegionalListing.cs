namespace LakeCircle.Core.Gateways;

/// <summary>A bucket of the account as listed, with its region where the store tells it.</summary>
/// <param name="Name">The bucket name.</param>
/// <param name="Region">The bucket's region (such as <c>eu-west-1</c>), or <see langword="null"/> when unknown.</param>
internal sealed record ListedBucket(string Name, string? Region);

/// <summary>
/// The account side of a gateway that knows regions: every bucket of the account, whatever its region, with the region
/// of each (a run covers the account, not one region). A decorator of such a gateway implements this interface too and
/// forwards both calls (<see cref="Diagnostics.CountingS3Gateway"/>, <see cref="Retries.RetryingS3Gateway"/>). A gateway
/// without it is listed through <see cref="IS3Gateway.ListBucketsAsync"/>, every region unknown
/// (<see cref="RegionalListing"/>).
/// </summary>
internal interface IRegionalListing
{
    /// <summary>Lists every bucket of the account with its region where known, in name order.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The buckets.</returns>
    Task<IReadOnlyList<ListedBucket>> ListBucketsWithRegionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Asks the store for one bucket's region (<c>GetBucketLocation</c> on S3).</summary>
    /// <param name="bucket">The bucket name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The region, or <see langword="null"/> when the store cannot tell.</returns>
    /// <exception cref="S3GatewayException">The bucket does not exist (<see cref="S3ErrorKind.NoSuchBucket"/>) or the call failed.</exception>
    Task<string?> GetBucketRegionAsync(string bucket, CancellationToken cancellationToken = default);
}

/// <summary>Lists any gateway with regions: through <see cref="IRegionalListing"/> where it has it, else names alone.</summary>
internal static class RegionalListing
{
    /// <summary>Every bucket <paramref name="gateway"/> lists, with its region where the gateway tells it.</summary>
    public static async Task<IReadOnlyList<ListedBucket>> ListWithRegionsAsync(this IS3Gateway gateway, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        if (gateway is IRegionalListing regional)
        {
            return await regional.ListBucketsWithRegionsAsync(cancellationToken).ConfigureAwait(false);
        }

        var names = await gateway.ListBucketsAsync(cancellationToken).ConfigureAwait(false);
        return [.. names.Select(n => new ListedBucket(n, null))];
    }

    /// <summary>A bucket's region as <paramref name="gateway"/> tells it, or <see langword="null"/> (no call) when it has no regions.</summary>
    public static Task<string?> RegionOfAsync(this IS3Gateway gateway, string bucket, CancellationToken cancellationToken) =>
        gateway is IRegionalListing regional ? regional.GetBucketRegionAsync(bucket, cancellationToken) : Task.FromResult<string?>(null);

    /// <summary>
    /// The region a <c>GetBucketLocation</c> answer names. S3 answers the legacy way for its oldest regions: "Buckets in
    /// Region us-east-1 have a LocationConstraint of null. Buckets with a LocationConstraint of EU reside in eu-west-1."
    /// (Amazon S3 API Reference, GetBucketLocation, Response Elements,
    /// https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketLocation.html; the same text documents
    /// <c>GetBucketLocationResponse.Location</c> in AWSSDK.S3 4.1.) With <paramref name="legacyNames"/> off (an
    /// S3-compatible server, whose empty answer names its default placement, not us-east-1) an empty answer is unknown.
    /// </summary>
    /// <param name="locationConstraint">The answer's LocationConstraint (empty or <see langword="null"/> when none).</param>
    /// <param name="legacyNames">Whether AWS's legacy answers apply (AWS S3).</param>
    /// <returns>The region, or <see langword="null"/> when unknown.</returns>
    public static string? FromLocationConstraint(string? locationConstraint, bool legacyNames)
    {
        var value = locationConstraint?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return legacyNames ? "us-east-1" : null;
        }

        return legacyNames && string.Equals(value, "EU", StringComparison.Ordinal) ? "eu-west-1" : value;
    }
}
