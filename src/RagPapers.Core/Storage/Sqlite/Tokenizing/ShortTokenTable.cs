namespace RagPapers.Storage.Sqlite;

/// <summary>
/// The numbers of folded tokens of up to 16 characters below U+0100, each packed a byte a character into two words
/// and kept inline in one open-addressing table: a look-up reads one slot, where a dictionary of strings read its
/// bucket, its entry and the key's characters, three cache misses on a table of hundreds of thousands of tokens.
/// Nearly every token of an English abstract fits; <see cref="TermNumbering"/> keeps the others in a dictionary.
/// </summary>
internal sealed class ShortTokenTable
{
    public const int MaxLength = 16;

    private Slot[] _slots = new Slot[1 << 12];
    private int _mask = (1 << 12) - 1;

    public int Count { get; private set; }

    /// <summary>Packs a token (a byte per character, little-endian); false when it is longer than <see cref="MaxLength"/>, empty, or has a character above U+00FF.</summary>
    public static bool TryPack(ReadOnlySpan<char> token, out ulong low, out ulong high)
    {
        (low, high) = (0, 0);
        if (token.IsEmpty || token.Length > MaxLength)
        {
            return false;
        }

        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            if (c > 0xFF)
            {
                return false;
            }

            if (i < 8)
            {
                low |= (ulong)c << (8 * i);
            }
            else
            {
                high |= (ulong)c << (8 * (i - 8));
            }
        }

        return true;
    }

    public bool TryGet(ulong low, ulong high, int length, out int value)
    {
        for (var at = Home(low, high, length); ; at = (at + 1) & _mask)
        {
            ref var slot = ref _slots[at];
            if (slot.Length == 0)
            {
                value = 0;
                return false;
            }

            if (slot.Low == low && slot.High == high && slot.Length == length)
            {
                value = slot.Value;
                return true;
            }
        }
    }

    /// <summary>Adds a token not in the table.</summary>
    public void Add(ulong low, ulong high, int length, int value)
    {
        if (2 * (Count + 1) > _slots.Length)
        {
            Grow();
        }

        Place(new Slot(low, high, length, value));
        Count++;
    }

    public void Clear()
    {
        Array.Clear(_slots);
        Count = 0;
    }

    private void Place(Slot slot)
    {
        var at = Home(slot.Low, slot.High, slot.Length);
        while (_slots[at].Length != 0)
        {
            at = (at + 1) & _mask;
        }

        _slots[at] = slot;
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new Slot[old.Length * 2];
        _mask = _slots.Length - 1;
        foreach (var slot in old)
        {
            if (slot.Length != 0)
            {
                Place(slot);
            }
        }
    }

    private int Home(ulong low, ulong high, int length)
    {
        var hash = ((low * 0x9E3779B97F4A7C15UL) ^ ((high + (ulong)length) * 0xC2B2AE3D27D4EB4FUL)) * 0x165667B19E3779F9UL;
        return (int)(hash >> 32) & _mask;
    }

    // A length of 0 marks an empty slot: no token is empty.
    private readonly record struct Slot(ulong Low, ulong High, int Length, int Value);
}
