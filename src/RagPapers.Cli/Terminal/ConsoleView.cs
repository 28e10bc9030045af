using Spectre.Console;

namespace RagPapers.Cli.Terminal;

/// <summary>
/// Where the console's text for people goes. Lines are pieces of styled text, wrapped at word boundaries to the
/// terminal's width with a hanging indent; on a terminal the tones are coloured (through Spectre.Console), and
/// nothing is coloured when the output is redirected or NO_COLOR is set. Redirected output is not wrapped either:
/// a script, a pipe or a test reads every line whole.
/// </summary>
internal sealed class ConsoleView
{
    // Spectre wraps at its profile's width; this one wraps itself, so Spectre's is set beyond any line.
    private const int UnboundedWidth = 1 << 20;

    private readonly IAnsiConsole _console;
    private readonly StreamedWords _stream;

    public ConsoleView(TextWriter writer, int? width, bool colour)
    {
        Writer = writer;
        Width = width is > 0 ? width : null;
        _console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = colour ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        _console.Profile.Width = UnboundedWidth;
        _stream = new StreamedWords(this);
    }

    /// <summary>The width lines are wrapped to, or null when they are not wrapped.</summary>
    public int? Width { get; }

    /// <summary>The underlying writer, for output that must not be styled (JSON).</summary>
    public TextWriter Writer { get; }

    /// <summary>The view of standard output: wrapped and coloured when it is a terminal.</summary>
    public static ConsoleView ForStandardOutput() => new(Console.Out, TerminalWidth(Console.IsOutputRedirected), UseColour(Console.IsOutputRedirected));

    /// <summary>The view of standard error (errors, notices, progress): coloured when it is a terminal.</summary>
    public static ConsoleView ForStandardError() => new(Console.Error, TerminalWidth(Console.IsErrorRedirected), UseColour(Console.IsErrorRedirected));

    public void Line() => Writer.WriteLine();

    public void Line(string text, Tone tone = Tone.Plain) => Line([new StyledText(text, tone)]);

    /// <summary>One logical line: wrapped to <see cref="Width"/>, the first line at <paramref name="indent"/>, the rest at <paramref name="hangingIndent"/>.</summary>
    public void Line(IReadOnlyList<StyledText> pieces, int indent = 0, int hangingIndent = 0)
    {
        if (Width is not { } width)
        {
            Indent(indent);
            WritePieces(pieces);
            Writer.WriteLine();
            return;
        }

        var lines = WordWrapper.Wrap(pieces, width, indent, hangingIndent);
        for (var i = 0; i < lines.Count; i++)
        {
            Indent(i == 0 ? indent : hangingIndent);
            WritePieces(lines[i]);
            Writer.WriteLine();
        }
    }

    /// <summary>Text without a line break and without wrapping (a prompt).</summary>
    public void Write(string text, Tone tone = Tone.Plain)
    {
        WritePieces([new StyledText(text, tone)]);
        Writer.Flush();
    }

    /// <summary>A piece of text arriving as it is written (an answer streamed token by token), wrapped as it goes.</summary>
    public void Stream(string delta) => _stream.Append(delta);

    /// <summary>Ends streamed text with a line break when any was written.</summary>
    public void EndStream() => _stream.End();

    internal void WritePieces(IEnumerable<StyledText> pieces)
    {
        foreach (var piece in pieces)
        {
            // The last line of defence against control codes from a store or a file name (TerminalText): every styled
            // piece of text passes here, streamed tokens included.
            var text = TerminalText.Safe(piece.Text);
            if (text.Length > 0)
            {
                _console.Write(new Spectre.Console.Text(text, StyleOf(piece.Tone)));
            }
        }
    }

    private void Indent(int indent)
    {
        if (indent > 0)
        {
            Writer.Write(new string(' ', indent));
        }
    }

    private static Style StyleOf(Tone tone) => tone switch
    {
        Tone.Title => new Style(decoration: Decoration.Bold),
        Tone.Heading => new Style(Color.Aqua, decoration: Decoration.Bold),
        Tone.Citation => new Style(Color.Yellow),
        Tone.Notice => new Style(Color.Grey, decoration: Decoration.Italic),
        Tone.Muted => new Style(Color.Grey),
        Tone.Error => new Style(Color.Red),
        Tone.Prompt => new Style(Color.Green, decoration: Decoration.Bold),
        _ => Style.Plain,
    };

    private static int? TerminalWidth(bool redirected)
    {
        if (redirected)
        {
            return null;
        }

        try
        {
            return Console.WindowWidth is > 0 and var width ? width : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    // https://no-color.org: any non-empty NO_COLOR turns colour off; so does a terminal that declares itself dumb.
    private static bool UseColour(bool redirected) =>
        !redirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
        && !string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);
}
