using System.Text;

namespace RagPapers.Text;

/// <summary>A text derived from a source, with the source range each of its characters came from.</summary>
internal sealed class MappedText(string text, int[] starts, int[] ends)
{
    public string Text { get; } = text;

    /// <summary>The source range that produced the characters [<paramref name="start"/>, start + length) of <see cref="Text"/>.</summary>
    public SourceSpan SourceSpanOf(int start, int length) => new(starts[start], ends[start + length - 1] - starts[start]);

    /// <summary>Collects output characters with their source ranges; whitespace runs become one space, ends are trimmed.</summary>
    internal sealed class Builder(int capacity)
    {
        private readonly StringBuilder _text = new(capacity);
        private readonly List<int> _starts = new(capacity);
        private readonly List<int> _ends = new(capacity);
        private int _spaceStart = -1;
        private int _spaceEnd;

        /// <summary>The last character appended (a pending space counts), or null at the start.</summary>
        public char? Last => _spaceStart >= 0 ? ' ' : _text.Length > 0 ? _text[^1] : null;

        public void Append(char c, int sourceStart, int sourceEnd)
        {
            if (char.IsWhiteSpace(c))
            {
                _spaceStart = _spaceStart < 0 ? sourceStart : _spaceStart;
                _spaceEnd = sourceEnd;
                return;
            }

            if (_spaceStart >= 0 && _text.Length > 0)
            {
                Add(' ', _spaceStart, _spaceEnd);
            }

            _spaceStart = -1;
            Add(c, sourceStart, sourceEnd);
        }

        public void Append(string s, int sourceStart, int sourceEnd)
        {
            foreach (var c in s)
            {
                Append(c, sourceStart, sourceEnd);
            }
        }

        public MappedText Build() => new(_text.ToString(), [.. _starts], [.. _ends]);

        private void Add(char c, int sourceStart, int sourceEnd)
        {
            _text.Append(c);
            _starts.Add(sourceStart);
            _ends.Add(sourceEnd);
        }
    }
}
