using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RagPapers.Core.Tests.Fakes;
using RagPapers.Storage;
using RagPapers.Storage.Qdrant;

namespace RagPapers.Core.Tests.Storage.Qdrant;

/// <summary>Qdrant indexes for tests: the real client over gRPC, with a 1 ms first retry delay and short deadlines so fault tests stay quick.</summary>
internal static class TestQdrant
{
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(1);

    public static QdrantPaperIndex Index(
        Uri url, string collection, string apiKey = "", int maxRetries = 3, int timeoutSeconds = 5, ILogger? logger = null, int pageSize = 1024, TimeProvider? time = null) =>
        new(new QdrantStoreOptions { Url = url.ToString(), Collection = collection, ApiKey = apiKey, MaxRetries = maxRetries, TimeoutSeconds = timeoutSeconds },
            time ?? TimeProvider.System, logger ?? NullLogger.Instance, FirstRetryDelay) { PageSize = pageSize };

    public static async Task<QdrantPaperIndex> OpenAsync(Uri url, string collection, string apiKey = "")
    {
        var index = Index(url, collection, apiKey);
        await index.OpenAsync(TestStores.Embedder);
        return index;
    }

    public static string NewCollection() => "t-" + Guid.NewGuid().ToString("N");
}
