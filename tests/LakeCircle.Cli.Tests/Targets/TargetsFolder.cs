using System.Text;

namespace LakeCircle.Cli.Tests.Targets;

/// <summary>A temporary folder holding a targets file and whatever it points at, deleted on dispose.</summary>
internal sealed class TargetsFolder : IDisposable
{
    public TargetsFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "lakecircle-targets-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>Writes <paramref name="text"/> (UTF-8) under the folder and returns the file's full path.</summary>
    public string Write(string text, string name = "targets.toml") => WriteBytes(Encoding.UTF8.GetBytes(text), name);

    public string WriteBytes(byte[] bytes, string name = "targets.toml")
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Creates a folder (relative to the root) and returns its full path.</summary>
    public string Folder(string relative) => Directory.CreateDirectory(Path.Combine(Root, relative)).FullName;

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    /// <summary>The 1-based line of the first line of <paramref name="text"/> that contains <paramref name="fragment"/>.</summary>
    public static int LineOf(string text, string fragment, int occurrence = 1)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var seen = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains(fragment, StringComparison.Ordinal) && ++seen == occurrence)
            {
                return i + 1;
            }
        }

        throw new ArgumentException($"'{fragment}' (occurrence {occurrence}) is not in the text.", nameof(fragment));
    }
}
