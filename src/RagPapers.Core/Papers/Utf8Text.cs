using System.Text;

namespace RagPapers.Papers;

/// <summary>
/// Collection files decoded as UTF-8 so that bytes which are not UTF-8 can be told from text: each invalid
/// sequence becomes <see cref="InvalidMarker"/>, the noncharacter U+FFFF, which Unicode reserves as never part of
/// interchanged text (a U+FFFD written in the file stays a legitimate character; .NET refuses a lone surrogate as
/// a decoder's replacement). A record holding a marker or a lone surrogate (a JSON "\ud800" escape) is then
/// skipped with a diagnostic instead of being stored with replacement characters.
/// </summary>
internal static class Utf8Text
{
    /// <summary>What an invalid byte sequence decodes to.</summary>
    public const char InvalidMarker = '\uFFFF';

    /// <summary>UTF-8 without a BOM on output, with invalid input marked rather than replaced or thrown.</summary>
    public static Encoding MarkingEncoding { get; } = Encoding.GetEncoding("utf-8", EncoderFallback.ReplacementFallback, new MarkingDecoderFallback());

    /// <summary>A reader of <paramref name="path"/> that honours a UTF-8/UTF-16 BOM and marks invalid UTF-8.</summary>
    public static StreamReader Open(string path) =>
        new(path, MarkingEncoding, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { Access = FileAccess.Read, Share = FileShare.Read, BufferSize = 64 * 1024 });

    /// <summary>Index of the first marked invalid byte sequence (or noncharacter U+FFFE/U+FFFF), or lone surrogate, or -1.</summary>
    public static int IndexOfInvalid(ReadOnlySpan<char> text)
    {
        var offset = 0;
        while (true)
        {
            var found = text[offset..].IndexOfAny(Suspects);
            if (found < 0)
            {
                return -1;
            }

            var at = offset + found;
            if (text[at] >= '\uFFFE' || !char.IsHighSurrogate(text[at]) || at + 1 >= text.Length || !char.IsLowSurrogate(text[at + 1]))
            {
                return at;
            }

            offset = at + 2;
        }
    }

    private static readonly System.Buffers.SearchValues<char> Suspects = System.Buffers.SearchValues.Create(
        string.Concat(Enumerable.Range(0xD800, 0x800).Select(c => (char)c)) + "\uFFFE\uFFFF");

    private sealed class MarkingDecoderFallback : DecoderFallback
    {
        public override int MaxCharCount => 1;

        public override DecoderFallbackBuffer CreateFallbackBuffer() => new MarkingBuffer();
    }

    private sealed class MarkingBuffer : DecoderFallbackBuffer
    {
        private bool _pending;
        private bool _given;

        public override int Remaining => _pending ? 1 : 0;

        public override bool Fallback(byte[] bytesUnknown, int index)
        {
            _pending = true;
            _given = false;
            return true;
        }

        public override char GetNextChar()
        {
            if (!_pending)
            {
                return '\0';
            }

            _pending = false;
            _given = true;
            return InvalidMarker;
        }

        public override bool MovePrevious()
        {
            if (!_given)
            {
                return false;
            }

            (_pending, _given) = (true, false);
            return true;
        }

        public override void Reset() => (_pending, _given) = (false, false);
    }
}
