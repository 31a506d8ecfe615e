using LakeCircle.Core.Definitions.Reading;
using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Definitions;

/// <summary>What one definition file declares, with the positions needed to report problems found later.</summary>
internal sealed class DefinitionFile(string path)
{
    public string Path { get; } = path;

    /// <summary>The bucket, or <see langword="null"/> when the file does not name one usable.</summary>
    public string? Bucket { get; set; }

    public TextPoint BucketPosition { get; set; } = TextPoint.Start;

    public string? TransitionDefaultMinimumObjectSize { get; set; }

    /// <summary>Whether the file's <c>[LakeCircle]</c> table marks the bucket protected (<c>Protected = true</c>).</summary>
    public bool Protected { get; set; }

    public TextPoint TransitionDefaultMinimumObjectSizePosition { get; set; } = TextPoint.Start;

    /// <summary>Where <c>Rules</c> is (or the configuration table, or the file start).</summary>
    public TextPoint RulesPosition { get; set; } = TextPoint.Start;

    public List<RuleSource> Rules { get; } = [];

    /// <summary>
    /// The position of every key of the file. Once the file is read the map is dropped (it is many times the size of the
    /// file) and rebuilt from the file's content the first time a later problem needs a position.
    /// </summary>
    public SourceMap Map
    {
        get => _map ??= _rebuildMap?.Invoke() ?? EmptyMap;
        set => _map = value;
    }

    private static readonly SourceMap EmptyMap = SourceMap.Build(new TableNode(TextPoint.Start, "", TableOrigin.Header));

    private SourceMap? _map;
    private Func<SourceMap>? _rebuildMap;

    /// <summary>Drops the map; <paramref name="rebuild"/> makes the same one again when needed.</summary>
    public void ReleaseMap(Func<SourceMap> rebuild)
    {
        _map = null;
        _rebuildMap = rebuild;
    }

    public List<Diagnostic> Diagnostics { get; } = [];

    public SourceLocation Locate(TextPoint position) => new(Path, position.Line, position.Column);
}

/// <summary>A rule as read from a file: the rule, its index in the file, where it is, and whether reading it failed somewhere.</summary>
/// <param name="Rule">The rule as written (no derived ID yet).</param>
/// <param name="File">The file.</param>
/// <param name="Field">The rule's field path in its own file, such as <c>LifecycleConfiguration.Rules[1]</c>.</param>
/// <param name="Position">Where the rule starts.</param>
/// <param name="IdPosition">Where its ID is (the rule's position when it has none).</param>
/// <param name="HasErrors">Whether reading the rule reported a problem.</param>
internal sealed record RuleSource(LifecycleRule Rule, DefinitionFile File, string Field, TextPoint Position, TextPoint IdPosition, bool HasErrors);
