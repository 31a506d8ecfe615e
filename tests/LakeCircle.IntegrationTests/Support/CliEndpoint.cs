using System.Text;
using LakeCircle.Cli;
using LakeCircle.Core.Archive;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Sync;

namespace LakeCircle.IntegrationTests.Support;

/// <summary>
/// An endpoint (<c>s3://config-bucket/prefix/</c>) on the test server with the <c>LCC_*</c> variables that point the
/// command line at it and at the server, the store over its objects (as the command line reaches them, without an
/// expected owner), and a record of every command line run against it.
/// </summary>
internal sealed class CliEndpoint : IDisposable
{
    /// <summary>Any 12 digits: radosgw does not check the expected bucket owner (docs/compatibility.md).</summary>
    public const string Account = "123456789012";

    private readonly List<CliResult> _results = [];

    public CliEndpoint(string configBucket, string prefix)
    {
        ConfigBucket = configBucket;
        Prefix = prefix;
        Store = S3TestServer.Current.CreateStore(configBucket, prefix);
        Environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["LCC_ENDPOINT"] = Url,
            ["LCC_AWS_ACCOUNT"] = Account,
            ["LCC_AWS_REGION"] = S3TestServer.Region,
            ["LCC_S3_ENDPOINT"] = S3TestServer.Current.Endpoint,
        };
    }

    public string ConfigBucket { get; }

    /// <summary>The key prefix of the endpoint, ending with a slash.</summary>
    public string Prefix { get; }

    public string Url => $"s3://{ConfigBucket}/{Prefix}";

    /// <summary>The variables given to the command line (credentials come from the process, see <see cref="S3TestServer"/>).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; }

    /// <summary>Every command line run so far, in order.</summary>
    public IReadOnlyList<CliResult> Results => _results;

    /// <summary>Runs <c>lakecircle</c> with these variables, capturing both writers.</summary>
    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApplication.RunAsync(args, output, error, Environment);
        var result = new CliResult(string.Join(' ', args), exitCode, output.ToString(), error.ToString());
        _results.Add(result);
        await TestContext.Progress.WriteLineAsync($"[e2e] lakecircle {result.CommandLine} -> {exitCode}");
        return result;
    }

    /// <summary>The store the command line uses for this endpoint (the main user's, owning its client).</summary>
    public S3EndpointStore Store { get; }

    /// <summary>Uploads a definition as <c>definition/NAME.toml</c>.</summary>
    public Task PutDefinitionAsync(string name, string toml) => Store.WriteAsync($"definition/{name}.toml", Encoding.UTF8.GetBytes(toml));

    /// <summary>Every object under the endpoint prefix, by key relative to it, as text.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ReadAllAsync()
    {
        var store = Store;
        var objects = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in await store.ListAsync(""))
        {
            objects[key] = Encoding.UTF8.GetString((await store.TryReadAsync(key))!);
        }

        return objects;
    }

    /// <summary>Fails when any output of the command lines or any object under the endpoint shows the secret key or the access key id.</summary>
    public async Task ShouldNotShowSecretsAsync()
    {
        string[] secrets = [S3TestServer.Current.SecretKey, S3TestServer.Current.AccessKeyId];
        var objects = await ReadAllAsync();
        await TestContext.Progress.WriteLineAsync(
            $"[e2e] secret scan of {Url}: {_results.Count} command lines' stdout and stderr, {objects.Count} objects");
        _results.Should().NotBeEmpty();
        foreach (var result in _results)
        {
            result.ToString().Should().NotContainAny(secrets, "the output of 'lakecircle {0}' must not show the credentials", result.CommandLine);
        }

        foreach (var (key, text) in objects)
        {
            text.Should().NotContainAny(secrets, "the object {0} must not show the credentials", key);
        }
    }

    public void Dispose() => Store.Dispose();
}
