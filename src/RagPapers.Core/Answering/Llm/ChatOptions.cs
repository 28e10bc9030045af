using System.ComponentModel.DataAnnotations;

namespace RagPapers.Answering.Llm;

/// <summary>The "Chat" section: "None" gives extractive answers offline; "OpenAI" answers with any OpenAI-compatible chat model.</summary>
public sealed class ChatOptions
{
    public const string Section = "Chat";

    public const string NoneProvider = "None";
    public const string OpenAIProvider = "OpenAI";

    /// <summary>"None" (extractive, offline) or "OpenAI" (any OpenAI-compatible endpoint).</summary>
    [RegularExpression("^(None|OpenAI)$", ErrorMessage = "Chat:Provider must be \"None\" or \"OpenAI\".")]
    public string Provider { get; set; } = NoneProvider;

    /// <summary>Base URL of the API including its version path: "https://api.openai.com/v1", "http://localhost:11434/v1".</summary>
    public string Endpoint { get; set; } = "";

    /// <summary>The model (Azure OpenAI: the deployment name).</summary>
    public string Model { get; set; } = "";

    /// <summary>Sent as "Authorization: Bearer KEY"; empty for servers without keys (Ollama, llama.cpp). Never logged.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Seconds one answer may take (follow-up rewriting, every tool step and retry included) before the extractive answer is shown instead.</summary>
    [Range(1, 3600, ErrorMessage = "Chat:TimeoutSeconds must be between 1 and 3600.")]
    public int TimeoutSeconds { get; set; } = 120;

    /// <summary>Retries of a request that failed with 408, 429, 5xx or no connection.</summary>
    [Range(0, 10, ErrorMessage = "Chat:MaxRetries must be between 0 and 10.")]
    public int MaxRetries { get; set; } = 2;

    /// <summary>A Retry-After longer than this is not waited for: the extractive answer is shown at once.</summary>
    [Range(0, 600, ErrorMessage = "Chat:MaxRetryAfterSeconds must be between 0 and 600.")]
    public int MaxRetryAfterSeconds { get; set; } = 20;

    /// <summary>Whether the model may call search_papers and get_paper: Auto (yes, until the server rejects tools), On, Off.</summary>
    public ChatToolUse UseTools { get; set; } = ChatToolUse.Auto;

    /// <summary>Rounds of tool calls the model may make for one answer before it must answer from what it has.</summary>
    [Range(1, 10, ErrorMessage = "Chat:MaxToolSteps must be between 1 and 10.")]
    public int MaxToolSteps { get; set; } = 3;

    /// <summary>Retrieved papers given to the model as numbered sources.</summary>
    [Range(1, 20, ErrorMessage = "Chat:MaxSources must be between 1 and 20.")]
    public int MaxSources { get; set; } = 8;

    /// <summary>Upper bound of the answer's length in tokens (sent as max_completion_tokens).</summary>
    [Range(16, 32_768, ErrorMessage = "Chat:MaxOutputTokens must be between 16 and 32768.")]
    public int MaxOutputTokens { get; set; } = 1024;

    /// <summary>Sampling temperature; low keeps the model close to the sources.</summary>
    [Range(0.0, 2.0, ErrorMessage = "Chat:Temperature must be between 0 and 2.")]
    public double Temperature { get; set; } = 0.2;

    /// <summary>Folder of system.txt, answer.txt and followup.txt; relative paths are resolved against the content root.</summary>
    [Required(ErrorMessage = "Chat:PromptsPath must name the prompts folder (e.g. \"prompts\").")]
    public string PromptsPath { get; set; } = "prompts";

    /// <summary>True when answers come from a chat model.</summary>
    public bool IsEnabled => Provider == OpenAIProvider;
}
