using System.Text;
using System.Text.Unicode;

namespace RagPapers.Storage.Sqlite;

/// <summary>
/// The term FTS5 indexes for one token unicode61 has folded: porter stems its UTF-8 bytes (<see cref="FtsPorterStemmer"/>)
/// and FTS5 keeps at most <see cref="MaxBytes"/> of them; read back, the bytes become a .NET string.
/// </summary>
internal static class FtsTerm
{
    /// <summary>FTS5 cuts longer tokens to this many bytes before indexing them (FTS5_MAX_TOKEN_SIZE).</summary>
    public const int MaxBytes = 32768;

    /// <summary>
    /// The term of <paramref name="token"/>, or null where this cannot promise FTS5's exact term: a cut or a stem that
    /// splits a character leaves bytes that are not UTF-8, which FTS5 keeps as they are and this would not.
    /// </summary>
    public static string? Of(ReadOnlySpan<char> token, ref byte[] buffer)
    {
        var bytes = Encoding.UTF8.GetByteCount(token);
        if (buffer.Length < bytes)
        {
            buffer = new byte[Math.Max(bytes, buffer.Length * 2)];
        }

        Encoding.UTF8.GetBytes(token, buffer);
        var term = buffer.AsSpan(0, Math.Min(bytes, MaxBytes));
        term = term[..FtsPorterStemmer.Stem(term)];
        return Utf8.IsValid(term) ? Encoding.UTF8.GetString(term) : null;
    }
}
