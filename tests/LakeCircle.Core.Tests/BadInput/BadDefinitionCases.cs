using System.Text;

namespace LakeCircle.Core.Tests.BadInput;

/// <summary>Malformed definition files: each case names the file the error must point at and a fragment of its message.</summary>
internal static class BadDefinitionCases
{
    private const string Head = "BucketName = \"acme-logs\"\n\n[LifecycleConfiguration]\n";

    private const string RuleHead = Head + "[[LifecycleConfiguration.Rules]]\nID = \"r1\"\nStatus = \"Enabled\"\nFilter = { Prefix = \"logs/\" }\n";

    public static IEnumerable<TestCaseData> All()
    {
        yield return Case("syntax error", "acme-logs.toml", Text(Head + "[[LifecycleConfiguration.Rules]\nID = \"r1\"\n"), "acme-logs.toml:4");
        yield return Case("unclosed string", "acme-logs.toml", Text("BucketName = \"acme-logs\n"), "acme-logs.toml:1");
        yield return Case("wrong type: Days as a string", "acme-logs.toml", Text(RuleHead + "Expiration = { Days = \"30\" }\n"), "Days");
        yield return Case("wrong type: Status as a number", "acme-logs.toml", Text(Head + "[[LifecycleConfiguration.Rules]]\nID = \"r1\"\nStatus = 1\nFilter = {}\nExpiration = { Days = 1 }\n"), "Status");
        yield return Case("wrong type: Rules as a table", "acme-logs.toml", Text(Head + "Rules = { ID = \"r1\" }\n"), "Rules");
        yield return Case("wrong type: BucketName as an array", "acme-logs.toml", Text("BucketName = [\"a\"]\n[LifecycleConfiguration]\nRules = []\n"), "BucketName");
        yield return Case("unknown top-level key", "acme-logs.toml", Text("Bucket = \"acme-logs\"\n" + Head[25..] + "Rules = []\n"), "Bucket");
        yield return Case("unknown key in a rule", "acme-logs.toml", Text(RuleHead + "Expiration = { Days = 30 }\nExpires = 30\n"), "Expires");
        yield return Case("unknown key in a filter", "acme-logs.toml", Text(Head + "[[LifecycleConfiguration.Rules]]\nID = \"r1\"\nStatus = \"Enabled\"\nFilter = { Prefixx = \"logs/\" }\nExpiration = { Days = 30 }\n"), "Prefixx");
        yield return Case("key in the wrong case", "acme-logs.toml", Text(RuleHead + "expiration = { Days = 30 }\n"), "expiration");
        yield return Case("S3-invalid: Days = 0", "acme-logs.toml", Text(RuleHead + "Expiration = { Days = 0 }\n"), "Days");
        yield return Case("S3-invalid: Status neither Enabled nor Disabled", "acme-logs.toml", Text(Head + "[[LifecycleConfiguration.Rules]]\nID = \"r1\"\nStatus = \"On\"\nFilter = {}\nExpiration = { Days = 1 }\n"), "Status");
        yield return Case("S3-invalid: rule without an action", "acme-logs.toml", Text(RuleHead), "r1");
        yield return Case("S3-invalid: Days and Date together", "acme-logs.toml", Text(RuleHead + "Expiration = { Days = 30, Date = 2027-01-01 }\n"), "Expiration");
        yield return Case("S3-invalid: unknown storage class", "acme-logs.toml", Text(RuleHead + "Transitions = [{ Days = 30, StorageClass = \"COLD\" }]\n"), "StorageClass");
        yield return Case("S3-invalid: rule ID over 255 characters", "acme-logs.toml", Text(Head + $"[[LifecycleConfiguration.Rules]]\nID = \"{new string('x', 256)}\"\nStatus = \"Enabled\"\nFilter = {{}}\nExpiration = {{ Days = 1 }}\n"), "ID");
        yield return Case("S3-invalid: Prefix and Tag in a filter without And", "acme-logs.toml", Text(Head + "[[LifecycleConfiguration.Rules]]\nID = \"r1\"\nStatus = \"Enabled\"\nFilter = { Prefix = \"a/\", Tag = { Key = \"k\", Value = \"v\" } }\nExpiration = { Days = 1 }\n"), "Filter");
        yield return Case("duplicate rule ID in one file", "acme-logs.toml", Text(RuleHead + "Expiration = { Days = 30 }\n" + RuleHead[Head.Length..] + "Expiration = { Days = 60 }\n"), "r1");
        yield return Case("duplicate key", "acme-logs.toml", Text("BucketName = \"acme-logs\"\nBucketName = \"acme-logs\"\n[LifecycleConfiguration]\nRules = []\n"), "acme-logs.toml:2");
        yield return Case("missing BucketName", "acme-logs.toml", Text(Head[25..] + "Rules = []\n"), "BucketName");
        yield return Case("empty BucketName", "acme-logs.toml", Text("BucketName = \"\"\n[LifecycleConfiguration]\nRules = []\n"), "BucketName");
        yield return Case("invalid date", "acme-logs.toml", Text(RuleHead + "Expiration = { Date = 2027-02-30 }\n"), "acme-logs.toml");
        yield return Case("integer overflow", "acme-logs.toml", Text(RuleHead + "Expiration = { Days = 99999999999999999999 }\n"), "acme-logs.toml");
        yield return Case("file over 1 MiB", "acme-logs.toml", Text(Head + "Rules = []\n" + new string('#', 1024 * 1024) + "\n"), "MiB");
        yield return Case("not UTF-8 (Latin-1 byte)", "acme-logs.toml", [.. Text("BucketName = \"acme-"), 0xE9, .. Text("\"\n[LifecycleConfiguration]\nRules = []\n")], "UTF-8");
        yield return Case("UTF-16 with its byte order mark", "acme-logs.toml", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Head + "Rules = []\n")).ToArray(), "acme-logs.toml");
        yield return Case("UTF-8 byte order mark, then a syntax error: the position ignores the mark", "acme-logs.toml", [0xEF, 0xBB, 0xBF, .. Text("BucketName = \n")], "acme-logs.toml:1:");
        yield return Case("empty file", "acme-logs.toml", [], "BucketName");
        yield return Case("binary garbage", "acme-logs.toml", Garbage(), "acme-logs.toml");
        yield return Case("NUL bytes", "acme-logs.toml", Text("BucketName = \"acme\0logs\"\n"), "acme-logs.toml");
        yield return Case("deeply nested tables", "acme-logs.toml", Text(Head + "[[LifecycleConfiguration.Rules]]\nID = \"r1\"\nStatus = \"Enabled\"\nFilter = " + string.Concat(Enumerable.Repeat("{ And = ", 5000)) + "{}" + new string('}', 5000) + "\nExpiration = { Days = 1 }\n"), "depth");
        yield return Case("deeply nested arrays", "acme-logs.toml", Text("BucketName = " + new string('[', 5000) + new string(']', 5000) + "\n"), "depth");
    }

    private static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Garbage()
    {
        var bytes = new byte[4096];
        new Random(17).NextBytes(bytes);
        return bytes;
    }

    private static TestCaseData Case(string name, string file, byte[] content, string fragment) =>
        new TestCaseData(file, content, fragment).SetArgDisplayNames(name);
}
