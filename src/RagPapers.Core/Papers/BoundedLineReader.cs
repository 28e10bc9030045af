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
    private readonly char[] buffer = new char[16 * 1024];
    private readonly StringBuilder line = new();
    private int start;
    private int end;
    private bool skipLineFeed;

    /// <summary>The next line, or null at the end of the input.</summary>
    public async ValueTask<BoundedLine?> ReadLineAsync(CancellationToken cancellationToken = default)
    {
        line.Clear();
        long length = 0;
        var sawAny = false;
        while (true)
        {
            if (start == end && !await FillAsync(cancellationToken))
            {
                return sawAny ? Finish(length) : null;
            }

            if (skipLineFeed)
            {
                skipLineFeed = false;
                if (buffer[start] == '\n')
                {
                    start++;
                    continue;
                }
            }

            sawAny = true;
            var span = buffer.AsSpan(start, end - start);
            var stop = span.IndexOfAny('\n', '\r');
            var piece = stop < 0 ? span : span[..stop];
            if (length + piece.Length <= maxChars)
            {
                line.Append(piece);
            }

            length += piece.Length;
            if (stop < 0)
            {
                start = end;
                continue;
            }

            skipLineFeed = span[stop] == '\r';
            start += stop + 1;
            return Finish(length);
        }
    }

    private BoundedLine Finish(long length) => length <= maxChars ? new(line.ToString(), length) : new(null, length);

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        start = 0;
        end = await reader.ReadAsync(buffer.AsMemory(), cancellationToken);
        return end > 0;
    }
}

/// <summary>A line of text, or (when <see cref="Text"/> is null) the length of a line too long to keep.</summary>
internal readonly record struct BoundedLine(string? Text, long Length)
{
    [MemberNotNullWhen(false, nameof(Text))]
    public bool TooLong => Text is null;
}
