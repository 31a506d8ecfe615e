namespace LakeCircle.Core.Rendering;

/// <summary>Optional ANSI colours for the text renderer: the text unchanged when colour is off.</summary>
internal sealed class TextStyle(bool color)
{
    private const string Reset = "\u001b[0m";

    public string Added(string text) => Paint(text, "\u001b[32m");

    public string Removed(string text) => Paint(text, "\u001b[31m");

    public string Changed(string text) => Paint(text, "\u001b[33m");

    public string Quiet(string text) => Paint(text, "\u001b[2m");

    public string Warning(string text) => Paint(text, "\u001b[35m");

    public string Error(string text) => Paint(text, "\u001b[1;31m");

    public string Strong(string text) => Paint(text, "\u001b[1m");

    /// <summary>A change that deletes data sooner: bold red.</summary>
    public string Danger(string text) => Paint(text, "\u001b[1;31m");

    /// <summary>A change that archives data sooner: yellow.</summary>
    public string Caution(string text) => Paint(text, "\u001b[33m");

    private string Paint(string text, string code) => color ? code + text + Reset : text;
}
