using Amazon.Runtime;
using Amazon.S3;
using LakeCircle.Core.Gateways;
using Microsoft.Extensions.Logging;

namespace LakeCircle.Core;

/// <summary>
/// How a <see cref="LakeCircleClient"/> reaches the account and the endpoint, and how its runs behave. Mutable; the
/// client copies and checks the values when it is created, so changing the options afterwards changes nothing.
/// </summary>
public sealed class LakeCircleClientOptions
{
    /// <summary>The default for <see cref="ReadConcurrency"/>: 16.</summary>
    public const int DefaultReadConcurrency = 16;

    /// <summary>The default for <see cref="WriteConcurrency"/>: 2.</summary>
    public const int DefaultWriteConcurrency = 2;

    /// <summary>The default for <see cref="VerifyTimeout"/>: 10 seconds.</summary>
    public static readonly TimeSpan DefaultVerifyTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The default for <see cref="WaitTimeout"/>: 60 seconds.</summary>
    public static readonly TimeSpan DefaultWaitTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The default for <see cref="LockTimeToLive"/>: 30 minutes.</summary>
    public static readonly TimeSpan DefaultLockTimeToLive = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The 12-digit account ID whose buckets are managed. Writing runs refuse to start when the credentials belong to
    /// another account (checked with STS on AWS), and every bucket call carries it as the expected bucket owner.
    /// Required unless <see cref="SnapshotPath"/> gives it.
    /// </summary>
    public string? Account { get; set; }

    /// <summary>
    /// The home region, such as <c>eu-west-1</c>: the region of the clients that list the account, check the account
    /// (STS) and reach an <c>s3://</c> endpoint. A run covers the whole account: on AWS, each bucket is read and written
    /// through a client of its own region, whatever this one is (see <see cref="Regions"/> to limit a run to some
    /// regions). Required unless <see cref="SnapshotPath"/> gives it.
    /// </summary>
    public string? Region { get; set; }

    /// <summary>
    /// The regions a run is limited to, such as <c>us-east-1</c> and <c>eu-west-1</c>; empty (the default) for every
    /// region of the account. A defined bucket in another region is planned as <see cref="Planning.BucketStatus.OtherRegion"/>
    /// (its <see cref="Planning.BucketPlan.Region"/> named; not read, not written, not an error), and a bucket without a
    /// definition in another region is not listed. A bucket's region is the one the account's listing tells; where the
    /// listing tells none (some S3-compatible servers), a defined bucket's region is asked (<c>GetBucketLocation</c>), and a
    /// bucket whose region stays unknown is read.
    /// </summary>
    public ICollection<string> Regions { get; } = new List<string>();

    /// <summary>
    /// The endpoint base: <c>s3://bucket/prefix/</c> or a local folder. Definitions are read from its
    /// <c>definition/</c>; the lock (<c>lock.json</c>), <c>previous/</c>, <c>history/</c>, <c>current/</c> and the run
    /// records (<c>log/</c>) are written there. Required unless <see cref="InMemoryEndpoint"/> is given, except by
    /// <see cref="LakeCircleClient.ExportAsync"/> and <see cref="LakeCircleClient.SnapshotAsync"/>, which read the account alone; a
    /// client without it refuses every other call.
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>
    /// Local definition files or folders (searched recursively for <c>*.toml</c> and <c>*.json</c>) read instead of the
    /// endpoint's <c>definition/</c>, all together as one set: shared folders and an account's own, say. A bucket's rules
    /// may be spread over files of several of them (rule IDs unique across its files). Empty (the default): the
    /// endpoint's <c>definition/</c>.
    /// </summary>
    public ICollection<string> DefinitionPaths { get; } = new List<string>();

    /// <summary>
    /// The URL of an S3-compatible server (such as <c>http://127.0.0.1:7480</c>), or <see langword="null"/> for AWS
    /// S3. With a URL, the account of the credentials cannot be checked (a warning is logged), addressing is path style
    /// and checksums are sent only when required, unless <see cref="ForcePathStyle"/> and
    /// <see cref="ChecksumWhenRequired"/> say otherwise.
    /// </summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>Path-style addressing (<c>host/bucket</c>); <see langword="null"/> (the default) means on with <see cref="ServiceUrl"/>, off for AWS.</summary>
    public bool? ForcePathStyle { get; set; }

    /// <summary>
    /// Request and response checksums only when the operation requires them (for servers without the newer checksum
    /// support); <see langword="null"/> (the default) means on with <see cref="ServiceUrl"/>, off for AWS.
    /// </summary>
    public bool? ChecksumWhenRequired { get; set; }

    /// <summary>
    /// The credentials, or <see langword="null"/> (the default) for the AWS SDK's own chain (environment, profile,
    /// instance role…). Never logged or recorded.
    /// </summary>
    public AWSCredentials? Credentials { get; set; }

    /// <summary>
    /// An S3 client to use instead of creating one (the client does not dispose it). It serves the account and, for an
    /// <c>s3://</c> endpoint, the endpoint bucket.
    /// </summary>
    public IAmazonS3? S3Client { get; set; }

    /// <summary>
    /// The account to manage, given directly (an <see cref="InMemoryS3Gateway"/> or an adapter of your own) instead of
    /// reaching S3: for tests and embedding. The account check is skipped.
    /// </summary>
    public IS3Gateway? Gateway { get; set; }

    /// <summary>
    /// An endpoint held in memory, given instead of <see cref="Endpoint"/> (tests and embedding): the definitions are
    /// its keys under <c>definition/</c>, and the lock, the archive and the run records are written to it.
    /// </summary>
    public InMemoryEndpointStore? InMemoryEndpoint { get; set; }

    /// <summary>
    /// An account snapshot file (the <c>aws s3api</c> JSON shape, with account and region) read instead of S3; syncs
    /// write it back. Gives <see cref="Account"/> and <see cref="Region"/> when they are unset, and must match them
    /// when they are set.
    /// </summary>
    public string? SnapshotPath { get; set; }

    /// <summary>How many lifecycle reads may be in flight at once (default 16, at least 1).</summary>
    public int ReadConcurrency { get; set; } = DefaultReadConcurrency;

    /// <summary>
    /// How many lifecycle writes may be in flight at once (default 2, at least 1). Kept low because some servers
    /// serialise lifecycle writes and stall when they clash.
    /// </summary>
    public int WriteConcurrency { get; set; } = DefaultWriteConcurrency;

    /// <summary>The most buckets a run may change (PUT or DELETE); a plan with more writes nothing. <see langword="null"/> (the default): no limit.</summary>
    public int? MaxChanges { get; set; }

    /// <summary>The most lifecycle configurations a run may delete; a plan with more writes nothing. <see langword="null"/> (the default): no limit.</summary>
    public int? MaxDeletions { get; set; }

    /// <summary>
    /// The most buckets a sync may change destructively (deleting some object version sooner, or where it was not
    /// deleted before: <c>docs/impact.md</c>); a plan with more writes nothing. <see langword="null"/> (the default): no
    /// limit. Rollbacks are not limited: they restore a configuration that was in place.
    /// </summary>
    public int? MaxDestructive { get; set; }

    /// <summary>
    /// Protected buckets (<c>[LakeCircle] Protected = true</c> in their definition) that a sync may change
    /// destructively. A destructive change to any other protected bucket stops the sync before its first write.
    /// </summary>
    public ICollection<string> AllowDestructive { get; } = new List<string>();

    /// <summary>
    /// Whether each written configuration is read back and compared by meaning with what was sent (default
    /// <see langword="true"/>). A server that did not keep it fails the bucket, naming the fields it did not keep, and
    /// the bucket's previous configuration is written back.
    /// </summary>
    public bool VerifyWrites { get; set; } = true;

    /// <summary>How long a written configuration is read back while the previous one still shows (default 10 s).</summary>
    public TimeSpan VerifyTimeout { get; set; } = DefaultVerifyTimeout;

    /// <summary>
    /// Whether, after each write, reads go on until the written configuration was seen several times in a row (S3 is
    /// eventually consistent after a write) or <see cref="WaitTimeout"/> passes (default <see langword="false"/>: the
    /// first sighting within <see cref="VerifyTimeout"/> is enough). Implies <see cref="VerifyWrites"/>.
    /// </summary>
    public bool WaitForConsistency { get; set; }

    /// <summary>How long <see cref="WaitForConsistency"/> reads back (default 60 s).</summary>
    public TimeSpan WaitTimeout { get; set; } = DefaultWaitTimeout;

    /// <summary>How long the endpoint's lock lasts unless renewed (default 30 min); a run renews it every third of that.</summary>
    public TimeSpan LockTimeToLive { get; set; } = DefaultLockTimeToLive;

    /// <summary>
    /// Whether a writing run removes the endpoint's lock, whoever holds it, before taking it (default
    /// <see langword="false"/>). For an operator, after a crashed run.
    /// </summary>
    public bool ForceUnlock { get; set; }

    /// <summary>
    /// Receives the progress of every plan, sync, apply and rollback (<see cref="Diagnostics.RunProgress"/>): when the
    /// definitions are read, the account listed, each bucket read, the plan made, each write ended, and once more when
    /// the run ends (<see cref="Diagnostics.RunStage.Finished"/>, before the call returns), with the counts so far, the S3
    /// calls by kind and in flight, and the time elapsed. <see langword="null"/> (the default): none. Reports come
    /// synchronously from the run's own threads, one at a time and in order, so the handler must be quick (a
    /// <see cref="Progress{T}"/> posts each report to its synchronization context, so it arrives later). A handler that
    /// throws does not break the run: its failure is logged as a warning and it is not called again in that run.
    /// </summary>
    public IProgress<Diagnostics.RunProgress>? Progress { get; set; }

    /// <summary>Where the client's logs go; none by default.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The clock of the lock, the archive, the run records and verification; the system clock by default.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>A fingerprint of the caller's own settings, shown in logs and run records (the CLI's settings fingerprint).</summary>
    internal string? SettingsFingerprint { get; set; }

    /// <summary>
    /// The STS endpoint of the account check (GetCallerIdentity) instead of the AWS regional one of <see cref="Region"/>:
    /// the CLI's target <c>sts_url</c> (a VPC endpoint, a test substitute). Unused with <see cref="ServiceUrl"/>, whose
    /// account is not checked.
    /// </summary>
    internal Uri? StsUrl { get; set; }

    /// <summary>The run id of the next writing run (tests); a new random one by default.</summary>
    internal string? RunId { get; set; }

    /// <summary>Who runs, as <c>user@host:pid</c> (tests); the process's by default.</summary>
    internal string? Owner { get; set; }

    /// <summary>How often the lock is renewed (tests); a third of <see cref="LockTimeToLive"/> by default.</summary>
    internal TimeSpan? LockRenewalInterval { get; set; }

    /// <summary>The spacing of verification reads (tests); 250 ms, or 1 s when waiting for consistency, by default.</summary>
    internal TimeSpan? VerifyPollInterval { get; set; }

    /// <summary>
    /// Given the transport handler of each SDK S3 client the client builds, returns the handler to use instead (tests:
    /// a handler that answers without a network); <see langword="null"/> by default.
    /// </summary>
    internal Func<HttpMessageHandler, HttpMessageHandler>? HttpTransport { get; set; }

    /// <summary>Values masked in run records; the AWS credential variables of the environment (and <see cref="Credentials"/>) by default.</summary>
    internal IReadOnlyList<string>? SecretValues { get; set; }
}
