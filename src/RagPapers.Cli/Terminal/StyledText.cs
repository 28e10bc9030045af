namespace RagPapers.Cli.Terminal;

/// <summary>A piece of a console line and its tone.</summary>
internal readonly record struct StyledText(string Text, Tone Tone = Tone.Plain)
{
    public static implicit operator StyledText(string text) => new(text);
}
