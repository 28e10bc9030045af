namespace RagPapers.Cli.Tests;

/// <summary>
/// Every command with a malformed value of each of its options, run as the real program: each exits 2 with one
/// message naming the option and the form it expects, and no stack trace. All are refused while parsing, before
/// a store is opened, so the cases run side by side in about a second of process starts each.
/// </summary>
public sealed class MalformedOptionTests
{
    public static readonly (string[] Args, string Option, string Expected)[] Cases =
    [
        (["search", "x", "--top", "zero"], "--top", "whole number from 1 to 100"),
        (["search", "x", "--top", "5x"], "--top", "whole number from 1 to 100"),
        (["search", "x", "--top", "0"], "--top", "whole number from 1 to 100"),
        (["search", "x", "--top", "101"], "--top", "whole number from 1 to 100"),
        (["search", "x", "--top", "-3"], "--top", "whole number"),
        (["search", "x", "--from", "2024-02-30"], "--from", "yyyy-MM-dd"),
        (["search", "x", "--to", "yesterday"], "--to", "yyyy-MM-dd"),
        (["search", "x", "--source", " "], "--source", "collection file name"),
        (["search", "x", "--json=maybe"], "--json", "switch"),
        (["search", "x", "--include-undated=yes"], "--include-undated", "switch"),
        (["search", "x", "--from", "2024-05-01", "--to", "2024-01-01"], "--from", "after --to"),
        (["ask", "q", "--from", "2024-13-01"], "--from", "yyyy-MM-dd"),
        (["ask", "q", "--to", "31/12/2024"], "--to", "yyyy-MM-dd"),
        (["ask", "q", "--writer", "poet"], "--writer", "extractive or llm"),
        (["ask", "q", "--source", ""], "--source", "collection file name"),
        (["ask", "q", "--json=2"], "--json", "switch"),
        (["papers", "--list=all"], "--list", "switch"),
        (["papers", "--store", ""], "--store", "path of a store file"),
        (["ingest", "data/papers", "--store", " "], "--store", "path of a store file"),
        (["--store", ""], "--store", "path of a store file"),
        (["eval", "--corpus", "c", "--queries", "q", "--qrels", "r", "--k", "ten"], "--k", "whole number from 1 to 100"),
        (["eval", "--corpus", "c", "--queries", "q", "--qrels", "r", "--k", "0"], "--k", "whole number from 1 to 100"),
        (["reindex", "--from", "mysql", "--to", "qdrant"], "--from", "sqlite or qdrant"),
        (["reindex", "--from", "sqlite", "--to", "postgres"], "--to", "sqlite or qdrant"),
        (["discord", "register", "--guild", "abc"], "--guild", "numeric id"),
    ];

    [Fact]
    public async Task Run_MalformedOptionValue_ExitsTwoNamingTheOptionAndTheExpectedForm()
    {
        using var slots = new SemaphoreSlim(4);
        var runs = Cases.Select(async c =>
        {
            await slots.WaitAsync();
            try
            {
                return (Case: c, Result: await CliProcess.RunAsync(c.Args));
            }
            finally
            {
                slots.Release();
            }
        });

        foreach (var (c, result) in await Task.WhenAll(runs))
        {
            var call = string.Join(' ', c.Args);
            Assert.True(result.ExitCode == 2, $"{call}: {result}");
            Assert.Contains("error: " + c.Option, result.StandardError, StringComparison.Ordinal);
            Assert.Contains(c.Expected, result.StandardError, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", result.StandardError, StringComparison.Ordinal);
            Assert.DoesNotContain("System.", result.StandardError, StringComparison.Ordinal);
            Assert.Equal("", result.StandardOutput);
        }
    }
}
