namespace RagPapers.Discord.Rendering;

/// <summary>The left bar of an embed tells at a glance what kind of reply it is.</summary>
internal static class EmbedColors
{
    public const int Answer = 0x5865F2;
    public const int NoEvidence = 0x99AAB5;
    public const int Papers = 0x2D9C8F;
    public const int Help = 0xF0B232;
}
