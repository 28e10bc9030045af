using Cloud.Unum.USearch;

namespace RagPapers.Storage.Sqlite;

/// <summary>The HNSW file memory-mapped read-only ("view": pages load as searches touch them), with the state it was saved at.</summary>
internal sealed class ApproximateIndexView(USearchIndex index, ApproximateIndexState state, DateTime stateWritten) : IDisposable
{
    public ApproximateIndexState State { get; } = state;

    public DateTime StateWritten { get; } = stateWritten;

    public static ApproximateIndexView? TryOpen(string storePath, ApproximateIndexState state, DateTime stateWritten)
    {
        try
        {
            var index = new USearchIndex(ApproximateIndexState.IndexPath(storePath), view: true);
            if ((int)index.Dimensions() == state.Dimensions)
            {
                return new ApproximateIndexView(index, state, stateWritten);
            }

            index.Dispose();
            return null;
        }
        catch (USearchException)
        {
            return null; // missing or torn: treated as no index, and rebuilt
        }
    }

    /// <summary>The chunk ids of up to <paramref name="count"/> nearest vectors, nearest first.</summary>
    public List<long> Search(ReadOnlyMemory<float> query, int count)
    {
        var found = index.Search(query.ToArray(), count, out ulong[] keys, out float[] _);
        return [.. keys.Take(found).Select(k => (long)k)];
    }

    public void Dispose() => index.Dispose();
}
