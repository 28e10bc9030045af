using RagPapers.Retrieval;

namespace RagPapers.Answering.Llm;

/// <summary>
/// The numbered sources given to the model for one answer: the retrieved evidence first (1..k), then papers the
/// model found with its tools, numbered on. A paper keeps its number when it is found again. Tool calls may
/// run concurrently, so every member locks.
/// </summary>
internal sealed class SourceBook
{
    private readonly List<RetrievedPaper> _sources = [];
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public SourceBook(IEnumerable<RetrievedPaper> evidence)
    {
        foreach (var paper in evidence)
        {
            Add(paper);
        }
    }

    public int Count
    {
        get { lock (_gate) { return _sources.Count; } }
    }

    /// <summary>The paper's number, new or existing; <c>Added</c> is false when it was already a source.</summary>
    public (int N, bool Added) Add(RetrievedPaper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        lock (_gate)
        {
            if (_numbers.TryGetValue(paper.Paper.Id, out var existing))
            {
                return (existing, false);
            }

            _sources.Add(paper);
            _numbers[paper.Paper.Id] = _sources.Count;
            return (_sources.Count, true);
        }
    }

    public bool Contains(int n)
    {
        lock (_gate)
        {
            return n >= 1 && n <= _sources.Count;
        }
    }

    /// <exception cref="ArgumentOutOfRangeException">No source has number <paramref name="n"/>.</exception>
    public RetrievedPaper this[int n]
    {
        get
        {
            lock (_gate)
            {
                ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
                ArgumentOutOfRangeException.ThrowIfGreaterThan(n, _sources.Count);
                return _sources[n - 1];
            }
        }
    }

    public IReadOnlyList<RetrievedPaper> Snapshot()
    {
        lock (_gate)
        {
            return [.. _sources];
        }
    }
}
