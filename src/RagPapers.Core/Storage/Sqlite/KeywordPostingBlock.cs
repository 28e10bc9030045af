using System.Buffers;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// The postings of one term written by one batch, as a blob: for each chunk in ascending id order the gap from the
/// previous id (from the block's first chunk for the first), its title count, text count and length, each an
/// unsigned LEB128 varint. About six bytes a posting, decoded without allocating.
/// </summary>
internal static class KeywordPostingBlock
{
    // A gap is at most a ten-byte varint (a long), the counts and the length at most five (an int).
    private const int MaxPostingBytes = 10 + (3 * 5);

    /// <summary>The block of <paramref name="postings"/>, which ascend by chunk; its key is the first chunk.</summary>
    public static byte[] Encode(ReadOnlySpan<KeywordPosting> postings)
    {
        // Written into a pooled buffer sized for the longest varints, then copied out at its length: most terms of a
        // batch have a few postings, and a fresh buffer each (zeroed, then copied) cost more than the encoding.
        var buffer = ArrayPool<byte>.Shared.Rent(postings.Length * MaxPostingBytes);
        try
        {
            var at = 0;
            var previous = postings.IsEmpty ? 0 : postings[0].Chunk;
            foreach (var posting in postings)
            {
                at = Write(buffer, at, (ulong)(posting.Chunk - previous));
                at = Write(buffer, at, (ulong)posting.TitleCount);
                at = Write(buffer, at, (ulong)posting.TextCount);
                at = Write(buffer, at, (ulong)posting.Length);
                previous = posting.Chunk;
            }

            return buffer.AsSpan(0, at).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Appends <paramref name="block"/>, whose first chunk is <paramref name="first"/>, to a block of earlier chunks
    /// ending at <paramref name="last"/> (none for an empty one): only its first gap changes, to the distance from that
    /// chunk. Returns the block's last chunk.
    /// </summary>
    public static long AppendTo(IBufferWriter<byte> merged, long? last, long first, ReadOnlySpan<byte> block)
    {
        // A block starts with a gap of 0 from its own first chunk, which Encode writes as the single byte 0.
        if (block.Length == 0 || block[0] != 0)
        {
            throw new InvalidDataException($"A keyword posting block of chunk {first} does not start at that chunk.");
        }

        if (first <= last)
        {
            throw new InvalidDataException($"A keyword posting block starting at chunk {first} follows one ending at chunk {last}: blocks of a term must not overlap.");
        }

        var chunk = first;
        for (var at = 0; at < block.Length;)
        {
            chunk += NextPosting(block, ref at).Gap;
        }

        Span<byte> gap = stackalloc byte[10];
        var written = Write(gap, 0, (ulong)(last is { } end ? first - end : 0));
        merged.Write(gap[..written]);
        merged.Write(block[1..]);
        return chunk;
    }

    private static int Write(Span<byte> buffer, int at, ulong value)
    {
        while (value >= 0x80)
        {
            buffer[at++] = (byte)(value | 0x80);
            value >>= 7;
        }

        buffer[at++] = (byte)value;
        return at;
    }

    /// <summary>The posting at <paramref name="at"/> (its chunk as the gap from the previous one), moving past it.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static (long Gap, int TitleCount, int TextCount, int Length) NextPosting(ReadOnlySpan<byte> block, ref int at)
    {
        // Most postings are a one-byte gap, title count and text count and a one- or two-byte length: read as one word,
        // told apart by their continuation bits, instead of byte by byte.
        if (at <= block.Length - sizeof(ulong))
        {
            var word = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(block[at..]);
            if ((word & 0x80_8080_8080UL) == 0x8000_0000UL)
            {
                at += 5;
                return ((long)(word & 0x7F), (int)(word >> 8) & 0x7F, (int)(word >> 16) & 0x7F, ((int)(word >> 24) & 0x7F) | (((int)(word >> 32) & 0x7F) << 7));
            }

            if ((word & 0x8080_8080UL) == 0)
            {
                at += 4;
                return ((long)(word & 0x7F), (int)(word >> 8) & 0x7F, (int)(word >> 16) & 0x7F, (int)(word >> 24) & 0x7F);
            }
        }

        return ((long)Next(block, ref at), (int)Next(block, ref at), (int)Next(block, ref at), (int)Next(block, ref at));
    }

    /// <summary>The varint at <paramref name="at"/>, moving past it; most are one byte (gaps and counts), lengths two.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static ulong Next(ReadOnlySpan<byte> block, ref int at)
    {
        var first = block[at++];
        return first < 0x80 ? first : NextLong(block, ref at, first);
    }

    private static ulong NextLong(ReadOnlySpan<byte> block, ref int at, byte first)
    {
        var value = (ulong)(first & 0x7F);
        var shift = 7;
        byte current;
        do
        {
            current = block[at++];
            value |= (ulong)(current & 0x7F) << shift;
            shift += 7;
        }
        while (current >= 0x80);

        return value;
    }
}
