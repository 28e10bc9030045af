namespace RagPapers.Discord.Commands;

/// <summary>A Discord set-up step cannot be done as configured; the message names the setting to change.</summary>
public sealed class DiscordSetupException : Exception
{
    public DiscordSetupException()
    {
    }

    public DiscordSetupException(string message)
        : base(message)
    {
    }

    public DiscordSetupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when the configuration itself is incomplete (exit code 2), false when Discord refused it (exit code 1).</summary>
    public bool IsConfigurationMissing { get; init; }
}
