namespace RagPapers.Discord.Rest;

/// <summary>A command as Discord returns it after registration.</summary>
internal sealed record RegisteredCommand(string? Id = null, string? Name = null);
