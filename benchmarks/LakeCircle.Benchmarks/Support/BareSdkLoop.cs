using System.Globalization;
using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace LakeCircle.Benchmarks.Support;

/// <summary>
/// The baseline of the CLI scenario, run as its own process (<c>LakeCircle.Benchmarks bare-sdk ENDPOINT CONCURRENCY
/// BUCKETS-FILE</c>): the calls a DRYRUN cannot do without, made with AWSSDK.S3 and nothing else — every ListBuckets
/// page, then one lifecycle GET per bucket named in the file, at most CONCURRENCY at once. Credentials come from
/// LCC_TEST_S3_ACCESS_KEY and LCC_TEST_S3_SECRET_KEY. It prints how many buckets it listed and how many lifecycles it
/// read, so the scenario can check it did the work.
/// </summary>
internal static class BareSdkLoop
{
    public const string Command = "bare-sdk";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (args.Count != 4)
        {
            await Console.Error.WriteLineAsync("usage: LakeCircle.Benchmarks bare-sdk ENDPOINT CONCURRENCY BUCKETS-FILE");
            return 2;
        }

        var endpoint = args[1];
        var concurrency = int.Parse(args[2], CultureInfo.InvariantCulture);
        var buckets = await File.ReadAllLinesAsync(args[3]);
        var credentials = new BasicAWSCredentials(
            Environment.GetEnvironmentVariable("LCC_TEST_S3_ACCESS_KEY"), Environment.GetEnvironmentVariable("LCC_TEST_S3_SECRET_KEY"));
        using var client = new AmazonS3Client(credentials, new AmazonS3Config
        {
            ServiceURL = endpoint,
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });

        var listed = 0;
        string? token = null;
        do
        {
            var page = await client.ListBucketsAsync(new ListBucketsRequest { ContinuationToken = token });
            listed += page.Buckets?.Count ?? 0;
            token = string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken;
        }
        while (token is not null);

        var withLifecycle = 0;
        var without = 0;
        await Parallel.ForEachAsync(buckets, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (bucket, token) =>
        {
            var response = await client.GetLifecycleConfigurationAsync(new GetLifecycleConfigurationRequest { BucketName = bucket }, token);
            if (response.HttpStatusCode == HttpStatusCode.OK && response.Configuration?.Rules is { Count: > 0 })
            {
                Interlocked.Increment(ref withLifecycle);
            }
            else
            {
                Interlocked.Increment(ref without);
            }
        });

        Console.WriteLine($"listed {listed} buckets, read {withLifecycle} lifecycles, {without} without");
        return 0;
    }
}
