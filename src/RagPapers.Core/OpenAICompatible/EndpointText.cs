namespace RagPapers.OpenAICompatible;

/// <summary>An endpoint as it may be logged or shown.</summary>
internal static class EndpointText
{
    /// <summary>Scheme, host, port and path, without user info or query (which can carry credentials).</summary>
    public static string Redact(string endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
            ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)
            : "(invalid endpoint)";
}
