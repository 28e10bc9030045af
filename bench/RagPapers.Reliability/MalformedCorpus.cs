using System.Diagnostics;
using System.Text;

namespace RagPapers.Reliability;

/// <summary>
/// The malformed-input corpus: each case writes one or more hostile files into a collection folder; some carry a
/// good record of their own (<see cref="MalformedCase.GoodIds"/>) that must survive beside the bad ones.
/// </summary>
internal static class MalformedCorpus
{
    private const string Good = """{"id":"2399.10001","title":"A Good Record Beside The Bad","abstract":"Graphs and trees are studied in this good abstract."}""";
    private const string GoodId = "2399.10001";

    public static IReadOnlyList<MalformedCase> Cases { get; } =
    [
        Json("lone high surrogate escape", """{"id":"2399.20001","title":"Bad \ud800","abstract":"x y z"}"""),
        Json("lone low surrogate escape", """{"id":"2399.20002","title":"Bad \udc00 title","abstract":"x y z"}"""),
        Bytes("invalid UTF-8 lead byte", "{\"id\":\"2399.20003\",\"title\":\"Bad \u0001\",\"abstract\":\"x\"}", 0xC3),
        Bytes("invalid UTF-8 continuation alone", "{\"id\":\"2399.20004\",\"title\":\"Bad \u0001\",\"abstract\":\"x\"}", 0x80),
        Bytes("overlong UTF-8", "{\"id\":\"2399.20005\",\"title\":\"Bad \u0001\u0001\",\"abstract\":\"x\"}", 0xC0, 0xAF),
        Bytes("UTF-8-encoded surrogate", "{\"id\":\"2399.20006\",\"title\":\"Bad \u0001\u0001\u0001\",\"abstract\":\"x\"}", 0xED, 0xA0, 0x80),
        Late("invalid UTF-8 past the first 8 KB"),
        Json("truncated JSON", """{"id":"2399.20007","title":"Cut"""),
        Json("top-level array", """[{"id":"2399.20008"}]"""),
        Json("top-level number", "42"),
        Json("JSON null", "null"),
        Json("nested 10,000 deep", new string('[', 10_000) + new string(']', 10_000)),
        Json("title of wrong type", """{"id":"2399.20009","title":{"a":1},"abstract":"x y z"}"""),
        Json("abstract is a number", """{"id":"2399.20010","title":"Numbers","abstract":12345}"""),
        Json("authors of odd types", """{"id":"2399.20011","title":"Odd Authors","abstract":"Fine text about graphs.","authors":[1,{"x":2},null,["a"]]}""", good: "2399.20011"),
        Json("no title", """{"id":"2399.20012","abstract":"An abstract alone."}"""),
        Json("no abstract", """{"id":"2399.20013","title":"Title alone"}"""),
        Json("garbage dates", """{"id":"2399.20014","title":"Dates","abstract":"Text about time.","update_date":"2024-13-45","versions":[{"created":"never"}]}""", good: "2399.20014"),
        Json("terminal escapes in text", "{\"id\":\"2399.20015\",\"title\":\"Owned\\u001b]0;owned\\u0007\",\"abstract\":\"Clear\\u001b[2J screen \\u009b31m text.\"}", good: "2399.20015"),
        Json("bidi override in title", "{\"id\":\"2399.20016\",\"title\":\"Right\\u202eto left\",\"abstract\":\"Mixed direction text.\"}", good: "2399.20016"),
        Json("only control characters", "{\"id\":\"2399.20017\",\"title\":\"\\u001b\\u0007\",\"abstract\":\"\\u0000\"}"),
        Json("duplicate id, other content", """{"id":"2399.10001","title":"A Different Version","abstract":"Other text entirely."}"""),
        Json("duplicate id, same content", Good),
        Json("record over the size limit", $$"""{"id":"2399.20018","title":"Huge","abstract":"{{new string('w', 150_000)}}"}"""),
        Json("single 27 MB sentence", $$"""{"id":"2399.20019","title":"Enormous","abstract":"{{string.Join(' ', Enumerable.Repeat("word", 5_400_000))}}"}"""),
        Json("title of 50,000 characters", $$"""{"id":"2399.20020","title":"{{new string('t', 50_000)}}","abstract":"Short."}""", good: "2399.20020"),
        Json("a word of 30,000 letters", $$"""{"id":"2399.20021","title":"Long Word","abstract":"{{new string('x', 30_000)}}."}""", good: "2399.20021"),
        Text("CRLF line endings", Good.Replace("10001", "20022", StringComparison.Ordinal) + "\r\n" + Good.Replace("10001", "20023", StringComparison.Ordinal) + "\r\n", "crlf.jsonl", "2399.20022", "2399.20023"),
        Text("CR-only line endings", Good.Replace("10001", "20024", StringComparison.Ordinal) + "\r" + Good.Replace("10001", "20025", StringComparison.Ordinal) + "\r", "cr.jsonl", "2399.20024", "2399.20025"),
        Text("no final newline", Good.Replace("10001", "20026", StringComparison.Ordinal), "nonl.jsonl", "2399.20026"),
        Text("empty file", "", "empty.jsonl"),
        Text("whitespace only", " \n\t\n  \n", "blank.txt"),
        Raw("BOM only", [0xEF, 0xBB, 0xBF], "bom.jsonl"),
        Raw("UTF-16 with BOM", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Good.Replace("10001", "20027", StringComparison.Ordinal) + "\n")], "utf16.jsonl", "2399.20027"),
        Raw("UTF-16 without BOM", Encoding.Unicode.GetBytes(Good + "\n"), "utf16nobom.jsonl"),
        Raw("random bytes", RandomBytes(64 * 1024, 1), "random.bin"),
        Raw("high bytes only", [.. RandomBytes(16 * 1024, 2).Select(b => (byte)(b | 0x80))], "high.txt"),
        Raw("NUL byte past the head", [.. Encoding.UTF8.GetBytes(Good.Replace("10001", "20028", StringComparison.Ordinal) + "\n" + new string(' ', 9000) + "\n"), 0, .. Encoding.UTF8.GetBytes("\n")], "nul.jsonl", "2399.20028"),
        Text("BibTeX unterminated entry", "@article{a, title = {Good Bib}, abstract = {Fine abstract.}}\n@article{b, title = {Never ends", "refs.bib", "t-"),
        Text("BibTeX braces 5,000 deep", "@article{a, title = {" + new string('{', 5000) + "x" + new string('}', 5000) + "}, abstract = {A.}}\n", "deep.bib"),
        Text("BibTeX with terminal escapes", "@article{c, title = {Escaped \u001b[31m Red}, abstract = {Bell \u0007 and clear \u001b[2J text.}}\n", "esc.bib", "t-"),
        Text("daily-papers abstract without title", new string('a', 10) + " " + string.Join(' ', Enumerable.Repeat("This sentence is part of an abstract with no title before it.", 8)) + "\n", "orphan.txt"),
        Text("daily-papers with escapes", "Title With \u001b]0;x\u0007 Escape\n" + string.Join(' ', Enumerable.Repeat("An abstract sentence long enough to read as an abstract here.", 8)) + "\n", "daily.txt", "t-"),
        File("named pipe", folder => Run("mkfifo", Path.Combine(folder, "m.pipe"))),
        File("symbolic link loop", folder =>
        {
            System.IO.File.CreateSymbolicLink(Path.Combine(folder, "m1.jsonl"), Path.Combine(folder, "m2.jsonl"));
            System.IO.File.CreateSymbolicLink(Path.Combine(folder, "m2.jsonl"), Path.Combine(folder, "m1.jsonl"));
        }),
        File("dangling symbolic link", folder => System.IO.File.CreateSymbolicLink(Path.Combine(folder, "m.jsonl"), Path.Combine(folder, "nowhere.jsonl"))),
        File("link to /dev/zero", folder => System.IO.File.CreateSymbolicLink(Path.Combine(folder, "m.jsonl"), "/dev/zero")),
        File("link to /dev/urandom", folder => System.IO.File.CreateSymbolicLink(Path.Combine(folder, "m.txt"), "/dev/urandom")),
        File("sub-folder named like a file", folder => Directory.CreateDirectory(Path.Combine(folder, "m.jsonl"))),
        File("file without read permission", folder =>
        {
            var path = Path.Combine(folder, "m.jsonl");
            System.IO.File.WriteAllText(path, Good + "\n");
            if (!OperatingSystem.IsWindows())
            {
                System.IO.File.SetUnixFileMode(path, UnixFileMode.None); // root reads it anyway; others get a diagnostic
            }
        }),
    ];

    private static MalformedCase Json(string name, string line, string? good = null) =>
        new(name, folder => System.IO.File.WriteAllText(Path.Combine(folder, "m.jsonl"), line + "\n" + Good + "\n"), good is null ? [GoodId] : [GoodId, good]);

    private static MalformedCase Bytes(string name, string template, params byte[] bad)
    {
        // Each \u0001 of the template is replaced, in order, by one of the bad bytes.
        var bytes = new List<byte>();
        var next = 0;
        foreach (var b in Encoding.UTF8.GetBytes(template))
        {
            bytes.Add(b == 1 ? bad[next++] : b);
        }

        return Raw(name, [.. bytes, (byte)'\n', .. Encoding.UTF8.GetBytes(Good + "\n")], "m.jsonl", GoodId);
    }

    private static MalformedCase Late(string name)
    {
        var padding = string.Concat(Enumerable.Range(0, 80).Select(i => Good.Replace("10001", $"3{i:D4}", StringComparison.Ordinal) + "\n"));
        return Raw(name, [.. Encoding.UTF8.GetBytes(padding), 0xFF, .. Encoding.UTF8.GetBytes("\n" + Good + "\n")], "m.jsonl", GoodId, "2399.30000", "2399.30079");
    }

    private static MalformedCase Text(string name, string text, string file, params string[] good) =>
        new(name, folder => System.IO.File.WriteAllText(Path.Combine(folder, file), text), good);

    private static MalformedCase Raw(string name, byte[] bytes, string file, params string[] good) =>
        new(name, folder => System.IO.File.WriteAllBytes(Path.Combine(folder, file), bytes), good);

    private static MalformedCase File(string name, Action<string> write) => new(name, write, []);

    private static byte[] RandomBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static void Run(string program, string argument)
    {
        using var process = Process.Start(program, [argument]);
        process.WaitForExit();
    }
}

/// <summary>One hostile input: what it writes into a collection folder, and the ids of the good records it carries.</summary>
/// <param name="GoodIds">Ids that must be stored; an id ending in "-" only asks for some paper whose id starts so (title-derived ids).</param>
internal sealed record MalformedCase(string Name, Action<string> Write, IReadOnlyList<string> GoodIds);
