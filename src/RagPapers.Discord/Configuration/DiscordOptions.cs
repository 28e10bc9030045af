using System.ComponentModel.DataAnnotations;

namespace RagPapers.Discord.Configuration;

/// <summary>The "Discord" section: the application's identity, where Discord's REST API is, and the bot's own limits.</summary>
public sealed class DiscordOptions
{
    public const string Section = "Discord";

    public const string DefaultApiBaseUrl = "https://discord.com/api/v10";

    /// <summary>The application's id (Developer Portal → General Information → Application ID); `ragpapers discord register` needs it.</summary>
    [RegularExpression(@"^\d{0,20}$", ErrorMessage = "Discord:ApplicationId must be the application's numeric id (Developer Portal → General Information → Application ID).")]
    public string ApplicationId { get; set; } = "";

    /// <summary>The application's Ed25519 public key as 64 hex characters; the interactions endpoint is off while it is empty.</summary>
    [RegularExpression("^([0-9a-fA-F]{64})?$", ErrorMessage = "Discord:PublicKey must be the 64 hex characters of the application's public key (Developer Portal → General Information → Public Key), or empty to keep the interactions endpoint off.")]
    public string PublicKey { get; set; } = "";

    /// <summary>The bot token (Developer Portal → Bot): `ragpapers discord register`, the Gateway and replies to mentions send it. Never logged.</summary>
    public string BotToken { get; set; } = "";

    /// <summary>How Discord reaches the bot: Interactions (the endpoint, the default), Gateway (a WebSocket the bot opens), or both.</summary>
    public DiscordMode Mode { get; set; } = DiscordMode.Interactions;

    /// <summary>Over the Gateway, also answer messages that mention the bot and DMs (intents GUILD_MESSAGES and DIRECT_MESSAGES, not privileged).</summary>
    public bool AnswerMentions { get; set; } = true;

    /// <summary>Base URL of Discord's REST API, versioned; tests point it at a loopback stand-in.</summary>
    [Required(ErrorMessage = "Discord:ApiBaseUrl must be set (default \"https://discord.com/api/v10\").")]
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>The URL in the "DiscordBot (url, version)" User-Agent Discord asks every bot to send.</summary>
    public string UserAgentUrl { get; set; } = "https://github.com/ragpapers/ragpapers";

    /// <summary>Commands waiting for a worker; past this a command is answered at once with "busy, try again".</summary>
    [Range(1, 10_000, ErrorMessage = "Discord:QueueCapacity must be between 1 and 10000.")]
    public int QueueCapacity { get; set; } = 100;

    /// <summary>Commands answered at the same time.</summary>
    [Range(1, 16, ErrorMessage = "Discord:Workers must be between 1 and 16.")]
    public int Workers { get; set; } = 2;

    /// <summary>How far X-Signature-Timestamp may be from our clock before a request is refused as stale (replayed).</summary>
    [Range(5, 3_600, ErrorMessage = "Discord:MaxTimestampSkewSeconds must be between 5 and 3600.")]
    public int MaxTimestampSkewSeconds { get; set; } = 300;

    /// <summary>Channels (or threads) whose conversation is remembered at once; the least recently used is forgotten first.</summary>
    [Range(1, 100_000, ErrorMessage = "Discord:MaxConversations must be between 1 and 100000.")]
    public int MaxConversations { get; set; } = 1_000;

    /// <summary>A channel's conversation is forgotten after this many idle minutes, so a new /ask starts afresh.</summary>
    [Range(1, 10_080, ErrorMessage = "Discord:ConversationIdleMinutes must be between 1 and 10080.")]
    public int ConversationIdleMinutes { get; set; } = 60;

    /// <summary>Retries of one REST call after a 429 or a 502/503/504.</summary>
    [Range(0, 10, ErrorMessage = "Discord:MaxRetries must be between 0 and 10.")]
    public int MaxRetries { get; set; } = 3;

    /// <summary>The longest wait a 429 may ask for before the call gives up instead.</summary>
    [Range(0.1, 3_600, ErrorMessage = "Discord:MaxRetryWaitSeconds must be between 0.1 and 3600.")]
    public double MaxRetryWaitSeconds { get; set; } = 60;

    /// <summary>Whether POST /discord/interactions is served: in Interactions mode, once the public key is set.</summary>
    public bool IsEndpointEnabled => Mode.HasFlag(DiscordMode.Interactions) && !string.IsNullOrWhiteSpace(PublicKey);

    /// <summary>Whether the bot connects to Discord's Gateway.</summary>
    public bool IsGatewayEnabled => Mode.HasFlag(DiscordMode.Gateway);

    /// <summary>Whether any way in is open, so commands need answering.</summary>
    public bool IsBotEnabled => IsEndpointEnabled || IsGatewayEnabled;
}
