namespace RagPapers.Cli.Terminal;

/// <summary>What a piece of console text is, which decides its colour on a terminal.</summary>
internal enum Tone
{
    Plain,
    Title,
    Heading,
    Citation,
    Notice,
    Muted,
    Error,
    Prompt,
}
