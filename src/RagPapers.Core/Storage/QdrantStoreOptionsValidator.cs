using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace RagPapers.Storage;

/// <summary>Checks Store:Qdrant at start-up (whatever the provider, as `reindex` may use it), naming each setting by its path.</summary>
internal sealed partial class QdrantStoreOptionsValidator : IValidateOptions<StoreOptions>
{
    private const int RestPort = 6333;

    public ValidateOptionsResult Validate(string? name, StoreOptions options)
    {
        var qdrant = options.Qdrant;
        var failures = new List<string>();
        if (!Uri.TryCreate(qdrant.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.Query.Length > 0 || url.Fragment.Length > 0 || url.AbsolutePath != "/")
        {
            failures.Add($"Store:Qdrant:Url '{qdrant.Url}' must be an absolute http:// or https:// URL of Qdrant's gRPC port, without path or query (e.g. \"http://localhost:6334\").");
        }
        else if (url.Port == RestPort)
        {
            // The REST API (port 6333) was what RagPapers spoke before it moved to the official gRPC client.
            failures.Add($"Store:Qdrant:Url '{qdrant.Url}' is Qdrant's REST port ({RestPort}); RagPapers talks to Qdrant over gRPC now. Set Store:Qdrant:Url to the gRPC port, 6334 (e.g. \"{url.Scheme}://{url.Host}:6334\"), and publish 6334 if Qdrant runs in a container.");
        }

        if (!CollectionName().IsMatch(qdrant.Collection ?? ""))
        {
            failures.Add($"Store:Qdrant:Collection '{qdrant.Collection}' must be 1 to 255 letters, digits, '_', '-' or '.' (e.g. \"papers\").");
        }

        if (qdrant.TimeoutSeconds is < 1 or > 600)
        {
            failures.Add("Store:Qdrant:TimeoutSeconds must be between 1 and 600.");
        }

        if (qdrant.MaxRetries is < 0 or > 10)
        {
            failures.Add("Store:Qdrant:MaxRetries must be between 0 and 10.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,255}$")]
    private static partial Regex CollectionName();
}
