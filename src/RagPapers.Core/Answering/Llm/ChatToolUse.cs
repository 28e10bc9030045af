namespace RagPapers.Answering.Llm;

/// <summary>Whether the chat model is offered the papers tools (Chat:UseTools).</summary>
public enum ChatToolUse
{
    /// <summary>Offer tools; when the server rejects a request because of them, answer without tools from then on.</summary>
    Auto,

    /// <summary>Always offer tools; a server that rejects them fails the answer (the extractive answer is shown).</summary>
    On,

    /// <summary>Never offer tools: one retrieve-then-answer pass.</summary>
    Off,
}
