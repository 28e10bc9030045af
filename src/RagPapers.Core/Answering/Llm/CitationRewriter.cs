using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace RagPapers.Answering.Llm;

/// <summary>
/// The citation check, applied to the model's text as it streams: every bracket group of source numbers
/// ("[2]", "[1, 3]", "[2-4]") keeps only numbers of sources given to the model, renumbered 1, 2, … in order of
/// first use so the answer's numbers match its (cited-only) sources list; a group naming no given source is
/// removed with the spaces before it, and each dropped number is counted in <see cref="Removed"/>.
/// </summary>
/// <remarks>
/// Text that may still turn into a citation (trailing spaces, "[1," at the end of a chunk) is held back until
/// the next chunk decides, so the streamed deltas concatenate to exactly the final text: a reader never sees
/// a "[7]" that is then taken away. Up to three digits: "[2021]" is a year, not a source.
/// </remarks>
internal sealed partial class CitationRewriter(Func<int, bool> isSource)
{
    private const int MaxRange = 20;
    private const int MaxPendingGroup = 40;

    private readonly List<int> _cited = [];
    private readonly Dictionary<int, int> _renumbered = [];
    private string _pending = "";

    /// <summary>Source numbers as the model gave them, in order of first valid use; the answer's [k] is <c>Cited[k - 1]</c>.</summary>
    public IReadOnlyList<int> Cited => _cited;

    /// <summary>Numbers cited that named no given source.</summary>
    public int Removed { get; private set; }

    /// <summary>Takes the next chunk of model text and returns the text that can be shown now.</summary>
    public string Append(string chunk)
    {
        _pending += chunk;
        return Process(final: false);
    }

    /// <summary>The text held back, once the model has finished.</summary>
    public string Flush() => Process(final: true);

    /// <summary>Checks a whole text at once; the same as appending it and flushing.</summary>
    public string Rewrite(string text) => Append(text) + Flush();

    private string Process(bool final)
    {
        var output = new StringBuilder();
        var text = _pending;
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf('[', i);
            if (open < 0)
            {
                var end = final ? text.Length : TrimmedEnd(text, i);
                output.Append(text, i, end - i);
                i = end;
                break;
            }

            var spaceStart = open;
            while (spaceStart > i && char.IsWhiteSpace(text[spaceStart - 1]))
            {
                spaceStart--;
            }

            output.Append(text, i, spaceStart - i);
            var group = Group().Match(text, open);
            if (group.Success)
            {
                output.Append(RewriteGroup(text[spaceStart..open], group.Groups["numbers"].Value));
                i = group.Index + group.Length;
            }
            else if (!final && text.Length - open <= MaxPendingGroup && PartialGroup().IsMatch(text, open))
            {
                i = spaceStart; // wait for the chunk that closes or breaks the bracket
                break;
            }
            else
            {
                output.Append(text, spaceStart, open + 1 - spaceStart);
                i = open + 1;
            }
        }

        _pending = text[i..];
        return output.ToString();
    }

    private static int TrimmedEnd(string text, int start)
    {
        var end = text.Length;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    private string RewriteGroup(string spaceBefore, string numbers)
    {
        var kept = new List<int>();
        foreach (var n in Expand(numbers))
        {
            if (!isSource(n))
            {
                Removed++;
                continue;
            }

            if (!_renumbered.TryGetValue(n, out var renumbered))
            {
                _cited.Add(n);
                renumbered = _cited.Count;
                _renumbered[n] = renumbered;
            }

            if (!kept.Contains(renumbered))
            {
                kept.Add(renumbered);
            }
        }

        return kept.Count == 0 ? "" : spaceBefore + string.Concat(kept.Select(k => $"[{k.ToString(CultureInfo.InvariantCulture)}]"));
    }

    private static IEnumerable<int> Expand(string numbers)
    {
        foreach (var part in numbers.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bounds = part.Split(['-', '\u2013'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).ToArray();
            if (bounds.Length == 2 && bounds[1] >= bounds[0] && bounds[1] - bounds[0] <= MaxRange)
            {
                for (var n = bounds[0]; n <= bounds[1]; n++)
                {
                    yield return n;
                }
            }
            else
            {
                foreach (var n in bounds)
                {
                    yield return n;
                }
            }
        }
    }

    [GeneratedRegex(@"\G\[\s*(?<numbers>\d{1,3}(?:\s*[,;\-\u2013]\s*\d{1,3})*)\s*\]", RegexOptions.CultureInvariant)]
    private static partial Regex Group();

    [GeneratedRegex(@"\G\[[\d\s,;\-\u2013]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PartialGroup();
}
