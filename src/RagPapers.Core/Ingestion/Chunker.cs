using Microsoft.Extensions.Options;
using RagPapers.Papers;
using RagPapers.Storage;
using RagPapers.Text;

namespace RagPapers.Ingestion;

/// <summary>
/// Cuts an abstract into sentence-aligned windows of at most <see cref="IngestionOptions.MaxChunkChars"/>
/// characters, repeating <see cref="IngestionOptions.OverlapSentences"/> sentences at the start of the next
/// window. Each chunk is a verbatim slice of the abstract, so it can be quoted as is. A single sentence longer
/// than the limit is cut at the last space before it, or (a run without spaces) between two characters, so no
/// chunk is ever longer than the limit.
/// </summary>
public sealed class Chunker(IOptions<IngestionOptions> options)
{
    private readonly int _maxChars = options.Value.MaxChunkChars;
    private readonly int _overlap = options.Value.OverlapSentences;

    /// <summary>The paper's chunks in order; none when the abstract is blank.</summary>
    public IReadOnlyList<Chunk> Split(Paper paper)
    {
        var text = paper.Abstract;
        var sentences = SentenceSplitter.Split(text)
            .Select(r => (Start: r.Start.GetOffset(text.Length), End: r.End.GetOffset(text.Length)))
            .SelectMany(sentence => Fit(text, sentence))
            .ToArray();
        var chunks = new List<Chunk>();
        var first = 0;
        while (first < sentences.Length)
        {
            var last = first;
            while (last + 1 < sentences.Length && sentences[last + 1].End - sentences[first].Start <= _maxChars)
            {
                last++;
            }

            chunks.Add(new Chunk(paper.Id, chunks.Count, text[sentences[first].Start..sentences[last].End]));
            first = last + 1 < sentences.Length ? NextStart(sentences, first, last) : sentences.Length;
        }

        return chunks;
    }

    /// <summary>The sentence as pieces of at most maxChars: cut after the last space that fits, else between characters.</summary>
    private IEnumerable<(int Start, int End)> Fit(string text, (int Start, int End) sentence)
    {
        var (start, end) = sentence;
        while (end - start > _maxChars)
        {
            var limit = start + _maxChars;
            var space = text.LastIndexOf(' ', limit, _maxChars);
            var cut = space > start ? space : char.IsLowSurrogate(text[limit]) ? limit - 1 : limit;
            yield return (start, cut);
            start = cut;
            while (start < end && text[start] == ' ')
            {
                start++;
            }
        }

        if (end > start)
        {
            yield return (start, end);
        }
    }

    /// <summary>
    /// Where the window after [first, last] starts: up to <c>overlap</c> sentences before last + 1, as many as
    /// still fit beside sentence last + 1, so a window never repeats without adding a new sentence.
    /// </summary>
    private int NextStart((int Start, int End)[] sentences, int first, int last)
    {
        var next = last + 1;
        for (var repeated = _overlap; repeated > 0; repeated--)
        {
            var start = next - repeated;
            if (start > first && sentences[next].End - sentences[start].Start <= _maxChars)
            {
                return start;
            }
        }

        return next;
    }
}
