using System.Buffers;
using System.Text;

namespace RagPapers.Papers;

/// <summary>
/// The one place paper text is made safe before it is stored: control characters (C0, DEL, C1: terminal escapes
/// such as <c>ESC]0;…BEL</c> or <c>ESC[2J</c>) and bidirectional overrides are removed, whitespace controls (tab,
/// newline, …) become single spaces; a record with invalid UTF-8 or a lone surrogate, or longer than the record
/// limit, is skipped with a diagnostic instead.
/// </summary>
public static class PaperText
{
    /// <summary>Default of <c>Ingestion:MaxRecordChars</c>: title plus abstract of one record.</summary>
    public const int DefaultMaxRecordChars = 100_000;

    /// <summary>How many times the record limit one raw line or entry of a file may be before it is skipped unread.</summary>
    public const int RawRecordFactor = 10;

    // C0 and C1 controls, DEL, and the bidirectional embeddings, overrides and isolates that reorder what a reader sees.
    private static readonly SearchValues<char> Unsafe = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Select(c => (char)c)) + "\u007f"
        + string.Concat(Enumerable.Range(0x80, 0x20).Select(c => (char)c))
        + "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069");

    /// <summary>The text without control characters; whitespace controls become one space, runs of spaces collapse.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny(Unsafe) < 0)
        {
            return text;
        }

        var kept = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!Unsafe.Contains(c))
            {
                kept.Append(c);
            }
            else if (char.IsWhiteSpace(c))
            {
                kept.Append(' ');
            }
        }

        return Whitespace.Collapse(kept.ToString());
    }

    /// <summary>
    /// A read record made safe to store: its paper's text cleaned, or a diagnostic when the record holds invalid
    /// text or is over <paramref name="maxRecordChars"/>; a diagnostic's own text is cleaned too.
    /// </summary>
    public static ReadResult Check(ReadResult record, int maxRecordChars = DefaultMaxRecordChars)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Paper is not { } paper)
        {
            var skipped = record.Skipped!;
            return ReadResult.Skip(Clean(skipped.File), skipped.Line, Clean(skipped.Reason));
        }

        var source = Clean(paper.Source);
        if (InvalidField(paper) is { } field)
        {
            return ReadResult.Skip(source, record.Line, $"the {field} holds bytes that are not valid UTF-8 (or a lone surrogate), record skipped");
        }

        var length = (long)paper.Title.Length + paper.Abstract.Length;
        if (length > maxRecordChars)
        {
            return ReadResult.Skip(source, record.Line, $"title and abstract are {length} characters, over the limit of {maxRecordChars} (Ingestion:MaxRecordChars), record skipped");
        }

        var (title, abstractText) = (Clean(paper.Title), Clean(paper.Abstract));
        // Emptied by cleaning, not empty to begin with (a BEIR document may have no title).
        var emptied = title.Length == 0 && paper.Title.Length > 0 ? "title" : abstractText.Length == 0 && paper.Abstract.Length > 0 ? "abstract" : null;
        if (emptied is not null)
        {
            return ReadResult.Skip(source, record.Line, $"the {emptied} holds nothing but control characters, record skipped");
        }

        var cleaned = paper with { Title = title, Abstract = abstractText, Authors = CleanAuthors(paper.Authors), Source = source };
        return cleaned == paper ? record : ReadResult.Read(cleaned, record.Line);
    }

    // The same list when nothing changes, so a clean paper stays equal to what its reader produced.
    private static IReadOnlyList<string> CleanAuthors(IReadOnlyList<string> authors) =>
        authors.Any(name => name.AsSpan().IndexOfAny(Unsafe) >= 0)
            ? authors.Select(Clean).Where(name => name.Length > 0).ToArray()
            : authors;

    private static string? InvalidField(Paper paper)
    {
        if (Utf8Text.IndexOfInvalid(paper.Title) >= 0)
        {
            return "title";
        }

        if (Utf8Text.IndexOfInvalid(paper.Abstract) >= 0)
        {
            return "abstract";
        }

        return paper.Authors.Any(name => Utf8Text.IndexOfInvalid(name) >= 0) ? "author list" : null;
    }
}
