using LakeCircle.Core.Rendering;

namespace LakeCircle.Core.Tests.Rendering;

public sealed class SafeTextTests
{
    [TestCase("a\nb", @"a\nb")]
    [TestCase("a\r\tb", @"a\r\tb")]
    [TestCase("\u001b[31mred", @"\x1b[31mred")]
    [TestCase("nul\0", @"nul\x00")]
    [TestCase("del\u007f", @"del\x7f")]
    [TestCase("csi\u009b", @"csi\x9b")]
    [TestCase("rtl\u202eevil", @"rtl\u202eevil")]
    [TestCase("\u202a\u202d\u2066\u2069", @"\u202a\u202d\u2066\u2069")]
    [TestCase("line\u2028para\u2029", @"line\u2028para\u2029")]
    [TestCase(@"back\slash", @"back\\slash")]
    [TestCase(@"\n", @"\\n")]
    public void Escape_UnsafeCharacters_ShownVisibly(string text, string expected) =>
        SafeText.Escape(text).Should().Be(expected);

    [TestCase("logs-2026.archive")]
    [TestCase("Prefix=logs/; Expiration.Days: 90")]
    [TestCase("été ü 日本 \u200d")]
    public void Escape_PlainText_SameInstance(string text) =>
        SafeText.Escape(text).Should().BeSameAs(text);

    [Test]
    public void Escape_Null_StaysNull() => SafeText.Escape(null).Should().BeNull();

    [Test]
    public void Escape_EscapedNewlineAndBackslashN_StayDistinct() =>
        SafeText.Escape("a\nb").Should().NotBe(SafeText.Escape(@"a\nb"));

    [Test]
    public void Escape_EveryControlCharacter_LeavesNoneRaw()
    {
        var all = new string(Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i).Where(c => !char.IsSurrogate(c)).ToArray());

        var escaped = SafeText.Escape(all);

        escaped.Where(c => char.IsControl(c) || c is >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069' or '\u2028' or '\u2029')
            .Should().BeEmpty();
    }

    [Test]
    public void EscapeJson_IndentedDocumentWithBidiText_StaysEqualWithoutRawFormatControls()
    {
        var value = "a\u202eb\u2028c\u2069\n";
        var json = System.Text.Json.JsonSerializer.Serialize(
            new { id = value },
            new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        var escaped = SafeText.EscapeJson(json);

        escaped.Should().Contain(@"a\u202eb\u2028c\u2069\n").And.Contain("\n");
        using var document = System.Text.Json.JsonDocument.Parse(escaped);
        document.RootElement.GetProperty("id").GetString().Should().Be(value);
    }
}
