using System.Text;

namespace RagPapers.Server.Tests.Campaign;

/// <summary>
/// Bodies for POST /api/ask and /api/ask/stream that are each wrong for a definite reason, whatever the random
/// parts hold: the wrong JSON kind, a field of the wrong type, an unknown field, a blank or over-long question,
/// a bad date or range, a malformed id, an unknown writer, truncated or invalid text, deep nesting, odd encodings.
/// </summary>
public sealed class MalformedBodies(Random random)
{
    private readonly RandomJson _json = new(random);

    public (string Kind, byte[] Body) Next() => random.Next(16) switch
    {
        0 => ("not an object", Utf8(_json.NotObject())),
        1 => ("question of wrong type", Utf8($$"""{"question": {{_json.NonString()}}}""")),
        2 => ("unknown field", Utf8($$"""{"question": "What is BERT?", "x{{random.Next(9999)}}": {{_json.Value(1)}}}""")),
        3 => ("blank question", Utf8($$"""{"question": "{{new string(' ', random.Next(5))}}"}""")),
        4 => ("question too long", Utf8($$"""{"question": "{{new string('q', random.Next(2001, 6000))}}"}""")),
        5 => ("bad date", Utf8($$$"""{"question": "BERT", "filters": {"from": "{{{BadDate()}}}"}}""")),
        6 => ("reversed dates", Utf8("""{"question": "BERT", "filters": {"from": "2024-06-01", "to": "2023-06-01"}}""")),
        7 => ("malformed conversation id", Utf8($$"""{"question": "BERT", "conversationId": "{{BadId()}}"}""")),
        8 => ("unknown writer", Utf8($$"""{"question": "BERT", "writer": "w{{random.Next(100000)}}"}""")),
        9 => ("truncated JSON", Truncated()),
        10 => ("random bytes", RandomBytes(random.Next(1, 400))),
        11 => ("deep nesting", Utf8("""{"question": "BERT", "filters": """ + new string('[', random.Next(65, 3000)))),
        12 => ("invalid UTF-8", [.. Encoding.ASCII.GetBytes("{\"question\": \""), 0xC3, 0x28, 0xFF, .. Encoding.ASCII.GetBytes("\"}")]),
        13 => ("UTF-16 body labelled UTF-8", Encoding.Unicode.GetBytes("""{"question": "What is BERT?"}""")),
        14 => ("filters of wrong type", Utf8($$"""{"question": "BERT", "filters": {{_json.NonString(0)}}}""")),
        _ => ("wrong-typed field", Utf8($$"""{"question": "BERT", "{{Pick("writer", "conversationId")}}": {{_json.NonString()}}}""")),
    };

    /// <summary>A body over the 64 KB limit.</summary>
    public byte[] Huge() => Utf8($$"""{"question": "{{new string('h', random.Next(65_600, 200_000))}}"}""");

    private string BadDate() => Pick("2024-02-30", "2024-13-01", "24-01-01", "2024/01/01", "yesterday", "2024-1-1", "", "2024-06-01T00:00:00Z", "+002024-01-01");

    private string BadId() => Pick("", "abc", "0123456789ABCDEF0123456789ABCDEF", new string('g', 32), "../../etc/passwd", new string('0', 33), "'; DROP TABLE papers; --");

    private byte[] Truncated()
    {
        var valid = """{"question": "How does Barlow Twins avoid collapse?", "filters": {"from": "2023-01-01"}}""";
        return Utf8(valid[..random.Next(1, valid.Length - 1)]);
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        bytes[0] = (byte)Pick('<', '#', '\x01', 'x'); // never the start of a JSON object
        return bytes;
    }

    private T Pick<T>(params T[] options) => options[random.Next(options.Length)];

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
