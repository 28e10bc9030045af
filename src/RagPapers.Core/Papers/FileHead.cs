using System.Text;

namespace RagPapers.Papers;

/// <summary>The first few KB of a file decoded as UTF-8, or null when they are not text (NUL bytes, invalid UTF-8).</summary>
internal static class FileHead
{
    public const int Size = 8 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

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
        if (bytes.Contains((byte)0))
        {
            return null;
        }

        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        }

        // Without flushing, a character cut in half by the 8 KB limit waits in the decoder instead of failing.
        var decoder = StrictUtf8.GetDecoder();
        var chars = new char[StrictUtf8.GetMaxCharCount(bytes.Length)];
        try
        {
            var count = decoder.GetChars(bytes, chars, flush: endOfFile);
            return new string(chars, 0, count);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
