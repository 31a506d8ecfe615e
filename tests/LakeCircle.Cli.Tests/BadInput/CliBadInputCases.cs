using System.Text;

namespace LakeCircle.Cli.Tests.BadInput;

/// <summary>The table of malformed inputs: variables, flags, snapshot files and definitions.</summary>
internal static class CliBadInputCases
{
    private const string Snapshot = "account.json";

    private const string Definition = "endpoint/definition/acme-logs.toml";

    public static IEnumerable<TestCaseData> All() => Cases().Select(c => new TestCaseData(c).SetArgDisplayNames(c.Name));

    private static IEnumerable<CliBadInputCase> Cases()
    {
        // Variables, each with a wrong value.
        yield return Variable("LCC_AWS_ACCOUNT not 12 digits", "LCC_AWS_ACCOUNT", "12345");
        yield return Variable("LCC_AWS_REGION not a region", "LCC_AWS_REGION", "Mars-1");
        yield return Variable("LCC_ACTIONS unknown", "LCC_ACTIONS", "DESTROY", root: true);
        yield return Variable("LCC_APP_LEVEL unknown", "LCC_APP_LEVEL", "LOUD");
        yield return Variable("LCC_LOG_FORMAT unknown", "LCC_LOG_FORMAT", "XML");
        yield return Variable("LCC_OUTPUT unknown", "LCC_OUTPUT", "yaml");
        yield return Variable("LCC_S3_ENDPOINT not a URL", "LCC_S3_ENDPOINT", "not a url");
        yield return Variable("LCC_ENDPOINT unsupported scheme", "LCC_ENDPOINT", "ftp://example.com/x", exampleFlags: false);
        yield return Variable("LCC_SNAPSHOT missing file", "LCC_SNAPSHOT", "/nonexistent/lakecircle/account.json", exampleFlags: false, names: "account.json");
        yield return Variable("LCC_ACTION_PARAMS malformed JSON", "LCC_ACTION_PARAMS", "{\"maxChanges\": 3");
        yield return Variable("LCC_ACTION_PARAMS not an object", "LCC_ACTION_PARAMS", "[1, 2]");
        yield return Variable("LCC_ACTION_PARAMS unknown key", "LCC_ACTION_PARAMS", "{\"maxChange\": 3}", names: "maxChange");
        yield return Variable("LCC_ACTION_PARAMS maxChanges as a string", "LCC_ACTION_PARAMS", "{\"maxChanges\": \"ten\"}", names: "maxChanges");
        yield return Variable("LCC_ACTION_PARAMS negative maxDeletions", "LCC_ACTION_PARAMS", "{\"maxDeletions\": -1}", names: "maxDeletions");
        yield return Variable("LCC_ACTION_PARAMS concurrency zero", "LCC_ACTION_PARAMS", "{\"concurrency\": 0}", names: "concurrency");
        yield return Variable("LCC_ACTION_PARAMS buckets as a string", "LCC_ACTION_PARAMS", "{\"buckets\": \"acme-logs\"}", names: "buckets");
        yield return Variable("LCC_ACTION_PARAMS detailedExitCode as a number", "LCC_ACTION_PARAMS", "{\"detailedExitCode\": 1}", names: "detailedExitCode");

        // Flags.
        yield return Flag("--max-changes negative", "--max-changes", "-1");
        yield return Flag("--concurrency not a number", "--concurrency", "many");
        yield return Flag("--output unknown", "--output", "yaml");
        yield return Flag("--account not 12 digits", "--account", "abc", ExitCodes.Error);
        yield return Flag("--region not a region", "--region", "nowhere", ExitCodes.Error);
        yield return Flag("--params malformed JSON", "--params", "{oops}", ExitCodes.Error);
        yield return Flag("--write-concurrency out of range", "--write-concurrency", "1000");
        yield return Flag("--max-deletions not a number", "--max-deletions", "all");
        yield return Flag("unknown flag", "--colour", "red");
        yield return Flag("--bucket empty", "--bucket", "");
        yield return new CliBadInputCase("--path-style with --no-path-style", ["--path-style", "--no-path-style"], ExitCodes.UsageError, "--path-style");
        yield return new CliBadInputCase("--bucket without a definition", ["--bucket", "acme-nothing"], ExitCodes.Error, "acme-nothing");

        // Snapshot files.
        yield return SnapshotFile("snapshot truncated", Text("{\"account\": \"123456789012\", \"region\": \"eu-west-1\", \"buckets\": {\"acme-logs\": {\"Rules\": ["));
        yield return SnapshotFile("snapshot buckets as an array", Text("{\"account\": \"123456789012\", \"region\": \"eu-west-1\", \"buckets\": []}"), "buckets");
        yield return SnapshotFile("snapshot unknown property", Text("{\"account\": \"123456789012\", \"region\": \"eu-west-1\", \"colour\": 1, \"buckets\": {}}"), "colour");
        yield return SnapshotFile("snapshot bucket mapped to a number", Text("{\"account\": \"123456789012\", \"region\": \"eu-west-1\", \"buckets\": {\"acme-logs\": 42}}"), "acme-logs");
        yield return SnapshotFile("snapshot duplicate bucket keys", Text("{\"account\": \"123456789012\", \"region\": \"eu-west-1\", \"buckets\": {\"acme-logs\": null, \"acme-logs\": null}}"), "acme-logs");
        yield return SnapshotFile("snapshot not UTF-8", [.. Text("{\"account\": \"123456789012\", \"region\": \"eu-west-1\", \"buckets\": {\"acme-"), 0xFF, 0xFE, .. Text("\": null}}")]);
        yield return SnapshotFile("snapshot empty", []);
        yield return SnapshotFile("snapshot rule with a wrong shape", Text("{\"account\": \"123456789012\", \"region\": \"eu-west-1\", \"buckets\": {\"acme-logs\": {\"Rules\": \"none\"}}}"), "Rules");
        yield return SnapshotFile("snapshot region missing", Text("{\"account\": \"123456789012\", \"buckets\": {}}"), "region");
        yield return SnapshotFile("snapshot of another account", Text("{\"account\": \"999999999999\", \"region\": \"eu-west-1\", \"buckets\": {}}"), "999999999999") with { Args = ["--account", "123456789012"] };

        // Definitions.
        yield return DefinitionFile("definition syntax error", Text("BucketName = \"acme-logs\"\n[LifecycleConfiguration\n"));
        yield return DefinitionFile("definition not UTF-8", [.. Text("BucketName = \"acme-"), 0xE9, .. Text("\"\n")]);
        yield return DefinitionFile("definition unknown key", Text("BucketName = \"acme-logs\"\nColour = 1\n[LifecycleConfiguration]\nRules = []\n"), "Colour");
        yield return DefinitionFile("definition S3-invalid rule", Text("BucketName = \"acme-logs\"\n[LifecycleConfiguration]\n[[LifecycleConfiguration.Rules]]\nID = \"r\"\nStatus = \"Enabled\"\nFilter = {}\nExpiration = { Days = -5 }\n"), "Days");
        yield return DefinitionFile("definition deeply nested", Text("BucketName = \"acme-logs\"\nx = " + new string('[', 3000) + new string(']', 3000) + "\n"), "depth");
        yield return DefinitionFile("definition binary garbage", Garbage());
    }

    private static CliBadInputCase Variable(string name, string variable, string value, bool root = false, bool exampleFlags = true, string? names = null) =>
        new(name, root ? [] : ["dryrun"], ExitCodes.Error, names ?? variable)
        {
            Variables = new() { [variable] = value },
            WithExampleFlags = exampleFlags,
        };

    private static CliBadInputCase Flag(string name, string flag, string value, int exitCode = ExitCodes.UsageError) => new(name, [flag, value], exitCode, flag);

    private static CliBadInputCase SnapshotFile(string name, byte[] content, string? names = null, int exitCode = ExitCodes.Error) =>
        new(name, [], exitCode, names ?? Snapshot) { Files = new() { [Snapshot] = content } };

    private static CliBadInputCase DefinitionFile(string name, byte[] content, string? names = null) =>
        new(name, [], ExitCodes.Error, names ?? "acme-logs.toml") { Files = new() { [Definition] = content } };

    private static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Garbage()
    {
        var bytes = new byte[2048];
        new Random(23).NextBytes(bytes);
        return bytes;
    }
}
