using System.Globalization;
using System.Text;

namespace RagPapers.Server.Tests.Campaign;

/// <summary>Random JSON text: values of every kind, odd numbers and strings, nesting up to a depth.</summary>
public sealed class RandomJson(Random random)
{
    private static readonly string[] OddNumbers = ["0", "-0", "1e400", "-1e-400", "123456789012345678901234567890", "3.14", "1E+2", "-7"];
    private static readonly string[] Words = ["question", "filters", "from", "to", "source", "writer", "conversationId", "top", "q", "__proto__", "", "ÿ", "🙂"];

    public string Value(int depth = 3) => random.Next(depth <= 0 ? 4 : 7) switch
    {
        0 => OddNumbers[random.Next(OddNumbers.Length)],
        1 => JsonString(),
        2 => random.Next(2) == 0 ? "true" : "false",
        3 => "null",
        4 => "[" + string.Join(",", Enumerable.Range(0, random.Next(4)).Select(_ => Value(depth - 1))) + "]",
        _ => JsonObject(depth - 1),
    };

    public string JsonObject(int depth = 2) =>
        "{" + string.Join(",", Enumerable.Range(0, random.Next(5)).Select(_ => $"{Quote(Word())}:{Value(depth)}")) + "}";

    /// <summary>A JSON value that is not a string (so never a valid question, writer or id).</summary>
    public string NonString(int depth = 2)
    {
        string value;
        do
        {
            value = Value(depth);
        }
        while (value.StartsWith('"') || value == "null");

        return value;
    }

    /// <summary>Any JSON value but an object: an array, a string, a number, a literal.</summary>
    public string NotObject()
    {
        string value;
        do
        {
            value = Value(2);
        }
        while (value.StartsWith('{'));

        return value;
    }

    public string JsonString()
    {
        var length = random.Next(30);
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(random.Next(6) switch
            {
                0 => (char)random.Next(0x20, 0x7F),
                1 => (char)random.Next(0xA0, 0x2FF),
                2 => '\\',
                3 => (char)random.Next(0xD800, 0xDFFF), // lone surrogates
                4 => '"',
                _ => (char)random.Next('a', 'z' + 1),
            });
        }

        return Quote(text.ToString());
    }

    public string Word() => random.Next(3) == 0 ? Words[random.Next(Words.Length)] : "f" + random.Next(1000).ToString(CultureInfo.InvariantCulture);

    // Escapes like a JSON writer would, except that lone surrogates and stray backslashes are left for the server.
    private static string Quote(string text) => "\"" + text.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
