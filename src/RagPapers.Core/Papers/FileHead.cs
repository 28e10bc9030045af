using System.Text;

namespace RagPapers.Papers;

/// <summary>
/// The first few KB of a file as text, or null for a binary file (one with NUL bytes). Bytes that are not UTF-8
/// are marked (<see cref="Utf8Text"/>), not a reason to give up on the file: its readers report the records
/// that hold them and keep the rest.
/// </summary>
internal static class FileHead
{
    public const int Size = 8 * 1024;

    public static async Task<string?> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var buffer = new byte[Size];
        int length;
        await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true))
        {
            length = await stream.ReadAtLeastAsync(buffer, Size, throwOnEndOfStream: false, cancellationToken);
        }

        return Decode(buffer.AsSpan(0, length), endOfFile: length < Size);
    }

    internal static string? Decode(ReadOnlySpan<byte> bytes, bool endOfFile)
    {
        // UTF-16 (with its BOM, as the readers honour it) is text full of NUL bytes.
        if (bytes.StartsWith(Encoding.Unicode.Preamble) || bytes.StartsWith(Encoding.BigEndianUnicode.Preamble))
        {
            var utf16 = bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            return utf16.GetString(bytes[2..(bytes.Length - (bytes.Length % 2))]);
        }

        if (bytes.Contains((byte)0))
        {
            return null;
        }

        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        }

        // Without flushing, a character cut in half by the 8 KB limit waits in the decoder instead of being marked.
        var decoder = Utf8Text.MarkingEncoding.GetDecoder();
        var chars = new char[Utf8Text.MarkingEncoding.GetMaxCharCount(bytes.Length)];
        var count = decoder.GetChars(bytes, chars, flush: endOfFile);
        return new string(chars, 0, count);
    }
}
