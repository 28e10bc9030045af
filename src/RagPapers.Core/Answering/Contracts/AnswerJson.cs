using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace RagPapers.Answering.Contracts;

/// <summary>Writes an <see cref="Answer"/> in the answer contract's JSON form.</summary>
public static class AnswerJson
{
    private static readonly AnswerJsonContext Indented = CreateContext(indented: true);
    private static readonly AnswerJsonContext Compact = CreateContext(indented: false);

    public static string Serialize(Answer answer, bool indented = true) =>
        JsonSerializer.Serialize(AnswerDto.From(answer), (indented ? Indented : Compact).AnswerDto);

    // Quotes and titles are full of typographic punctuation and accents; escaping them as \uXXXX makes the
    // CLI's --json unreadable. HTML-sensitive characters stay escaped.
    private static AnswerJsonContext CreateContext(bool indented) => new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        WriteIndented = indented,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    });
}
