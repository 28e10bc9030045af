using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace RagPapers.Papers;

/// <summary>
/// Reads lines like <see cref="TextReader.ReadLineAsync()"/> (ending at \n, \r\n or \r) but never holds more than
/// <c>maxChars</c> of one line: the rest of a longer line is read past and only counted, so a file with one
/// gigabyte-long line costs a buffer, not a gigabyte.
/// </summary>
internal sealed class BoundedLineReader(TextReader reader, int maxChars)
{
    private readonly char[] _buffer = new char[16 * 1024];
    private readonly StringBuilder _line = new();
    private int _start;
    private int _end;
    private bool _skipLineFeed;

    /// <summary>The next line, or null at the end of the input.</summary>
    public async ValueTask<BoundedLine?> ReadLineAsync(CancellationToken cancellationToken = default)
    {
        _line.Clear();
        long length = 0;
        var sawAny = false;
        while (true)
        {
            if (_start == _end && !await FillAsync(cancellationToken))
            {
                return sawAny ? Finish(length) : null;
            }

            if (_skipLineFeed)
            {
                _skipLineFeed = false;
                if (_buffer[_start] == '\n')
                {
                    _start++;
                    continue;
                }
            }

            sawAny = true;
            var span = _buffer.AsSpan(_start, _end - _start);
            var stop = span.IndexOfAny('\n', '\r');
            var piece = stop < 0 ? span : span[..stop];
            if (length + piece.Length <= maxChars)
            {
                _line.Append(piece);
            }

            length += piece.Length;
            if (stop < 0)
            {
                _start = _end;
                continue;
            }

            _skipLineFeed = span[stop] == '\r';
            _start += stop + 1;
            return Finish(length);
        }
    }

    private BoundedLine Finish(long length) => length <= maxChars ? new(_line.ToString(), length) : new(null, length);

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        _start = 0;
        _end = await reader.ReadAsync(_buffer.AsMemory(), cancellationToken);
        return _end > 0;
    }
}

/// <summary>A line of text, or (when <see cref="Text"/> is null) the length of a line too long to keep.</summary>
internal readonly record struct BoundedLine(string? Text, long Length)
{
    [MemberNotNullWhen(false, nameof(Text))]
    public bool TooLong => Text is null;
}
