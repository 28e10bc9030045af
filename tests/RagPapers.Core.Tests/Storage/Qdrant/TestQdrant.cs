using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RagPapers.Core.Tests.Fakes;
using RagPapers.Storage.Qdrant;

namespace RagPapers.Core.Tests.Storage.Qdrant;

/// <summary>Qdrant indexes for tests: the real client, with short backoff and timeouts so fault tests stay quick.</summary>
internal static class TestQdrant
{
    public static QdrantClient Client(Uri url, string apiKey = "", int maxRetries = 3, double timeoutSeconds = 5, ILogger? logger = null)
    {
        var http = new HttpClient { BaseAddress = url, Timeout = Timeout.InfiniteTimeSpan };
        var retry = new QdrantRetryPolicy(maxRetries, TimeSpan.FromSeconds(timeoutSeconds), TimeSpan.FromMilliseconds(10), TimeProvider.System, logger ?? NullLogger.Instance);
        return new QdrantClient(http, apiKey, retry);
    }

    public static QdrantPaperIndex Index(Uri url, string collection, string apiKey = "", int maxRetries = 3, double timeoutSeconds = 5, ILogger? logger = null, int pageSize = 1024) =>
        new(Client(url, apiKey, maxRetries, timeoutSeconds, logger), collection, logger ?? NullLogger.Instance) { PageSize = pageSize };

    public static async Task<QdrantPaperIndex> OpenAsync(Uri url, string collection, string apiKey = "")
    {
        var index = Index(url, collection, apiKey);
        await index.OpenAsync(TestStores.Embedder);
        return index;
    }

    public static string NewCollection() => "t-" + Guid.NewGuid().ToString("N");
}
