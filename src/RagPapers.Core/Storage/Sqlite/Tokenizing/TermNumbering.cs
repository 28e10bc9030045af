using System.Runtime.InteropServices;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// Numbers terms and remembers the term each folded token becomes (<see cref="FtsTerm"/>), so a token seen before costs
/// one look-up by span and no string. Kept from batch to batch (<see cref="ChunkTermCounter"/> is reused), up to
/// <see cref="MaxTokens"/> distinct tokens, then started afresh.
/// </summary>
internal sealed class TermNumbering
{
    /// <summary>Bounds the memory held between batches (about 100 bytes a token).</summary>
    public const int MaxTokens = 300_000;

    // Most tokens are short and Latin-1: looked up packed (ShortTokenTable), the others by string.
    private readonly ShortTokenTable _shortTokens = new();
    private readonly Dictionary<string, int> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _terms = [];
    private byte[] _bytes = new byte[256];

    public int Count => _terms.Count;

    public bool Full => _shortTokens.Count + _tokens.Count >= MaxTokens;

    public string Term(int number) => _terms[number];

    /// <summary>The number of the term <paramref name="token"/> becomes, or −1 when its term cannot be promised exact.</summary>
    public int Number(ReadOnlySpan<char> token)
    {
        var packed = ShortTokenTable.TryPack(token, out var low, out var high);
        if (packed ? _shortTokens.TryGet(low, high, token.Length, out var known) : _tokens.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(token, out known))
        {
            return known;
        }

        var number = -1;
        if (FtsTerm.Of(token, ref _bytes) is { } term)
        {
            ref var numbered = ref CollectionsMarshal.GetValueRefOrAddDefault(_ids, term, out var exists);
            if (!exists)
            {
                numbered = _terms.Count;
                _terms.Add(term);
            }

            number = numbered;
        }

        if (packed)
        {
            _shortTokens.Add(low, high, token.Length, number);
        }
        else
        {
            _tokens[token.ToString()] = number;
        }

        return number;
    }

    /// <summary>The number of a term made before, or −1.</summary>
    public int Find(string term) => _ids.TryGetValue(term, out var number) ? number : -1;

    public void Clear()
    {
        _shortTokens.Clear();
        _tokens.Clear();
        _ids.Clear();
        _terms.Clear();
    }
}
