namespace RagPapers.OpenAICompatible;

/// <summary>
/// Removes the "Authorization: Bearer" header the OpenAI SDK sends with an empty key, so keyless servers
/// (Ollama, llama.cpp, LM Studio) and proxies in front of them never see a malformed credential.
/// </summary>
internal sealed class EmptyKeyAuthorizationHandler(bool keyIsEmpty) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (keyIsEmpty)
        {
            request.Headers.Authorization = null;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
