using System.ComponentModel.DataAnnotations;

namespace RagPapers.Hosting;

/// <summary>The "Chat" section: "None" gives extractive answers offline.</summary>
public sealed class ChatOptions
{
    public const string Section = "Chat";

    /// <summary>"None" (extractive, offline) or "OpenAI" (any OpenAI-compatible endpoint).</summary>
    [RegularExpression("^(None|OpenAI)$", ErrorMessage = "Chat:Provider must be \"None\" or \"OpenAI\".")]
    public string Provider { get; set; } = "None";

    public string Endpoint { get; set; } = "";

    public string Model { get; set; } = "";

    public string ApiKey { get; set; } = "";
}
