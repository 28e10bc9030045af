using System.ComponentModel;
using System.Globalization;
using System.Text;
using Microsoft.SemanticKernel;
using RagPapers.Retrieval;
using RagPapers.Storage;

namespace RagPapers.Answering.Llm;

/// <summary>
/// The tools the model may call for one answer: <c>search_papers</c> and <c>get_paper</c>. Papers they return join
/// the answer's <see cref="SourceBook"/> with the next numbers and come back as the same delimited source blocks
/// as the prompt's, so the model cites them the same way and the citation check knows them.
/// </summary>
internal sealed class PapersPlugin(IPaperRetriever retriever, IPaperIndex index, SourceBook book, SearchFilter? filter, int top)
{
    public const string PluginName = "papers";

    [KernelFunction("search_papers")]
    [Description("Searches the paper collection. Returns the best matching papers as numbered <source> blocks to cite by number; papers already given keep their numbers.")]
    public async Task<string> SearchPapersAsync(
        [Description("What to look for, in plain words (methods, tasks, datasets).")] string query,
        [Description("Optional: only papers published on or after this date, yyyy-MM-dd.")] string? from = null,
        [Description("Optional: only papers published on or before this date, yyyy-MM-dd.")] string? to = null,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return "Give a non-empty query.";
        }

        if (!TryParseDate(from, out var fromDate) || !TryParseDate(to, out var toDate))
        {
            return "Dates must be written yyyy-MM-dd (for example 2023-01-31).";
        }

        var result = await retriever.RetrieveAsync(new RetrievalRequest(query, top, Narrow(fromDate, toDate)), cancellationToken);
        if (!result.HasRelevantEvidence)
        {
            return $"No paper in the collection is relevant to \"{SourceBlocks.Text(query)}\".";
        }

        var text = new StringBuilder($"Papers found for \"{SourceBlocks.Text(query)}\":");
        foreach (var paper in result.Papers.Where(p => p.Relevance >= result.Papers[0].Relevance / 2))
        {
            var (n, _) = book.Add(paper);
            text.Append("\n\n").Append(SourceBlocks.Format(n, paper.Paper));
        }

        return text.ToString();
    }

    [KernelFunction("get_paper")]
    [Description("Returns one paper of the collection (title, date, abstract) as a numbered <source> block.")]
    public async Task<string> GetPaperAsync(
        [Description("The paper's id, as in the id attribute of a <source> block (for example 2106.07447).")] string id,
        CancellationToken cancellationToken = default)
    {
        var paper = string.IsNullOrWhiteSpace(id) ? null : await index.GetPaperAsync(id.Trim(), cancellationToken);
        if (paper is null)
        {
            return $"No paper with id \"{SourceBlocks.Text(id ?? "")}\" is in the collection.";
        }

        var (n, _) = book.Add(new RetrievedPaper(paper, 0, 0, []));
        return SourceBlocks.Format(n, paper);
    }

    // The user's own filter (ask --from/--to/--source) still bounds what the model may search.
    private SearchFilter? Narrow(DateOnly? from, DateOnly? to)
    {
        var lower = Max(filter?.From, from);
        var upper = Min(filter?.To, to);
        var narrowed = new SearchFilter(lower, upper, filter?.Source, filter?.IncludeUndated ?? false);
        return narrowed.IsEmpty ? null : narrowed;
    }

    private static DateOnly? Max(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static DateOnly? Min(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static bool TryParseDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var formats = new[] { "yyyy-MM-dd", "yyyy-MM", "yyyy" };
        if (!DateOnly.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        date = parsed;
        return true;
    }
}
