using System.Xml;

namespace LakeCircle.Core.Gateways;

/// <summary>
/// The <c>Code</c> and <c>Message</c> of an S3 error answer (<c>&lt;Error&gt;&lt;Code&gt;NoSuchBucket&lt;/Code&gt;…&lt;/Error&gt;</c>),
/// read defensively: at most <see cref="MaxBodyBytes"/> bytes, no DTD, no entity, no external resource; anything else
/// (not XML, another root element, a missing, duplicated, nested or implausible code) reads as no answer.
/// </summary>
internal sealed record S3ErrorBody(string Code, string? Message)
{
    /// <summary>The largest body read. S3 error bodies are a few hundred bytes.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    /// <summary>The longest error code accepted (S3's are words such as <c>NoSuchLifecycleConfiguration</c>).</summary>
    public const int MaxCodeLength = 64;

    /// <summary>The longest message kept; a longer one is cut.</summary>
    public const int MaxMessageLength = 512;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxBodyBytes,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = true,
    };

    /// <summary>Reads an error body; <see langword="null"/> when it is not a well-formed S3 error of at most <see cref="MaxBodyBytes"/> bytes.</summary>
    /// <param name="body">The raw bytes of the answer.</param>
    /// <returns>The code and message, or <see langword="null"/>.</returns>
    public static S3ErrorBody? Parse(ReadOnlySpan<byte> body) =>
        body.Length is 0 or > MaxBodyBytes ? null : Parse(XmlReader.Create(new MemoryStream(body.ToArray(), writable: false), Settings));

    /// <summary>Reads an error body given as text; <see langword="null"/> as for <see cref="Parse(ReadOnlySpan{byte})"/>.</summary>
    /// <param name="body">The answer's text.</param>
    /// <returns>The code and message, or <see langword="null"/>.</returns>
    public static S3ErrorBody? Parse(string? body) =>
        string.IsNullOrEmpty(body) || body.Length > MaxBodyBytes ? null : Parse(XmlReader.Create(new StringReader(body), Settings));

    private static S3ErrorBody? Parse(XmlReader reader)
    {
        using (reader)
        {
            try
            {
                return Read(reader);
            }
            catch (XmlException)
            {
                return null;
            }
        }
    }

    private static S3ErrorBody? Read(XmlReader reader)
    {
        if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "Error" || reader.IsEmptyElement)
        {
            return null;
        }

        string? code = null, message = null;
        var codes = 0;
        reader.Read();
        while (reader.NodeType != XmlNodeType.EndElement && !reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Skip();
                continue;
            }

            switch (reader.LocalName)
            {
                case "Code":
                    codes++;
                    code = reader.ReadElementContentAsString().Trim();
                    break;
                case "Message" when message is null:
                    message = reader.ReadElementContentAsString().Trim();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        // The document must end well-formed after the root element.
        while (reader.Read())
        {
        }

        if (codes != 1 || !IsPlausibleCode(code))
        {
            return null;
        }

        return new S3ErrorBody(code!, Clean(message));
    }

    private static bool IsPlausibleCode(string? code) =>
        !string.IsNullOrEmpty(code) && code.Length <= MaxCodeLength && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    private static string? Clean(string? message)
    {
        if (string.IsNullOrEmpty(message))
        {
            return null;
        }

        var printable = new string([.. message.Where(c => !char.IsControl(c)).Take(MaxMessageLength)]);
        return printable.Length == 0 ? null : printable;
    }
}
