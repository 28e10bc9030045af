namespace RagPapers.OpenAICompatible;

/// <summary>Why the LLM gave no usable answer; each kind has its own one-line notice.</summary>
public enum LlmFailureKind
{
    /// <summary>No connection (refused, DNS, TLS, reset before a response), or skipped because the endpoint was found down moments ago.</summary>
    Unreachable,

    /// <summary>No complete answer within Chat:TimeoutSeconds.</summary>
    TimedOut,

    /// <summary>An HTTP error status after the retries.</summary>
    HttpError,

    /// <summary>A response that is not the OpenAI wire format.</summary>
    BadResponse,

    /// <summary>The server rejected the request because of its tools (the model or server cannot call tools).</summary>
    ToolsRejected,

    /// <summary>The model kept calling tools past Chat:MaxToolSteps.</summary>
    ToolLoop,

    /// <summary>The model answered with no text.</summary>
    Empty,

    /// <summary>The model answered an answerable question without citing any given source.</summary>
    NoCitation,

    /// <summary>Anything else the connector threw.</summary>
    Other,
}
