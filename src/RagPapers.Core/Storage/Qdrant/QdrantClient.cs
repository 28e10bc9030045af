using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using RagPapers.Hosting;

namespace RagPapers.Storage.Qdrant;

/// <summary>
/// A small typed client for the parts of Qdrant's REST API the index uses (the `/points/query` API only, no
/// deprecated search endpoints). Every write waits until applied; every failure becomes a
/// <see cref="StoreUnavailableException"/> that names the server, the request and Qdrant's own error text.
/// </summary>
internal sealed class QdrantClient(HttpClient http, string apiKey, QdrantRetryPolicy retry) : IDisposable
{
    private static readonly QdrantJsonContext Json = QdrantJsonContext.Default;
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");

    public Uri BaseUrl => http.BaseAddress!;

    public static QdrantClient Create(QdrantStoreOptions options, TimeProvider time, ILogger logger)
    {
        var timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
        var handler = new SocketsHttpHandler
        {
            // A host that drops packets must fail as fast as one that refuses the connection.
            ConnectTimeout = timeout < TimeSpan.FromSeconds(10) ? timeout : TimeSpan.FromSeconds(10),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        var baseUrl = options.Url.EndsWith('/') ? options.Url : options.Url + "/";
        var client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = Timeout.InfiniteTimeSpan };
        return new QdrantClient(client, options.ApiKey, new QdrantRetryPolicy(options.MaxRetries, timeout, TimeSpan.FromMilliseconds(200), time, logger));
    }

    public async Task<VersionInfo> GetVersionAsync(CancellationToken cancellationToken = default)
    {
        using var response = await retry.SendAsync(http, () => Request(HttpMethod.Get, "", null), "GET /", cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        Ensure(response, body, "GET /");
        return Parse(body, Json.VersionInfo, "GET /");
    }

    /// <summary>The collection's configuration, or null when it does not exist.</summary>
    public async Task<CollectionInfo?> GetCollectionAsync(string collection, CancellationToken cancellationToken = default)
    {
        var reply = await SendAsync(HttpMethod.Get, $"collections/{collection}", null, Json.QdrantEnvelopeCollectionInfo, cancellationToken, HttpStatusCode.NotFound);
        return reply.Status == HttpStatusCode.NotFound ? null : reply.Result;
    }

    /// <summary>Creates the collection; false when another client created it first (409).</summary>
    public async Task<bool> CreateCollectionAsync(string collection, CreateCollectionRequest request, CancellationToken cancellationToken = default)
    {
        var reply = await SendAsync(HttpMethod.Put, $"collections/{collection}", Serialize(request, Json.CreateCollectionRequest), Json.QdrantEnvelopeBoolean, cancellationToken, HttpStatusCode.Conflict);
        return reply.Status != HttpStatusCode.Conflict;
    }

    public Task DeleteCollectionAsync(string collection, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"collections/{collection}", null, Json.QdrantEnvelopeBoolean, cancellationToken, HttpStatusCode.NotFound);

    public Task CreateFieldIndexAsync(string collection, CreateFieldIndexRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, $"collections/{collection}/index?wait=true", Serialize(request, Json.CreateFieldIndexRequest), Json.QdrantEnvelopeUpdateResult, cancellationToken);

    public Task UpsertAsync(string collection, UpsertPointsRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, $"collections/{collection}/points?wait=true", Serialize(request, Json.UpsertPointsRequest), Json.QdrantEnvelopeUpdateResult, cancellationToken);

    public Task DeleteAsync(string collection, Filter filter, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"collections/{collection}/points/delete?wait=true", Serialize(new DeletePointsRequest(filter), Json.DeletePointsRequest), Json.QdrantEnvelopeUpdateResult, cancellationToken);

    public async Task<IReadOnlyList<StoredPoint>> GetPointsAsync(string collection, GetPointsRequest request, CancellationToken cancellationToken = default) =>
        (await SendAsync(HttpMethod.Post, $"collections/{collection}/points", Serialize(request, Json.GetPointsRequest), Json.QdrantEnvelopeListStoredPoint, cancellationToken)).Result ?? [];

    public async Task<ScrollResult> ScrollAsync(string collection, ScrollRequest request, CancellationToken cancellationToken = default) =>
        (await SendAsync(HttpMethod.Post, $"collections/{collection}/points/scroll", Serialize(request, Json.ScrollRequest), Json.QdrantEnvelopeScrollResult, cancellationToken)).Result
        ?? new ScrollResult([], null);

    public async Task<long> CountAsync(string collection, Filter? filter, CancellationToken cancellationToken = default) =>
        (await SendAsync(HttpMethod.Post, $"collections/{collection}/points/count", Serialize(new CountRequest(filter, Exact: true), Json.CountRequest), Json.QdrantEnvelopeCountResult, cancellationToken)).Result?.Count ?? 0;

    public async Task<IReadOnlyList<ScoredPoint>> QueryAsync(string collection, QueryRequest request, CancellationToken cancellationToken = default) =>
        (await SendAsync(HttpMethod.Post, $"collections/{collection}/points/query", Serialize(request, Json.QueryRequest), Json.QdrantEnvelopeQueryResponse, cancellationToken)).Result?.Points ?? [];

    public void Dispose() => http.Dispose();

    private static byte[] Serialize<T>(T body, JsonTypeInfo<T> info) => JsonSerializer.SerializeToUtf8Bytes(body, info);

    private async Task<(HttpStatusCode Status, T? Result)> SendAsync<T>(
        HttpMethod method, string path, byte[]? body, JsonTypeInfo<QdrantEnvelope<T>> replyInfo, CancellationToken cancellationToken, params HttpStatusCode[] tolerated)
    {
        var what = $"{method} /{path}";
        using var response = await retry.SendAsync(http, () => Request(method, path, body), what, cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (tolerated.Contains(response.StatusCode))
        {
            return (response.StatusCode, default);
        }

        Ensure(response, bytes, what);
        return (response.StatusCode, Parse(bytes, replyInfo, what).Result);
    }

    private HttpRequestMessage Request(HttpMethod method, string path, byte[]? body)
    {
        var request = new HttpRequestMessage(method, path);
        if (!string.IsNullOrEmpty(apiKey))
        {
            request.Headers.Add("api-key", apiKey);
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(body) { Headers = { ContentType = JsonMediaType } };
        }

        return request;
    }

    private void Ensure(HttpResponseMessage response, byte[] body, string what)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var status = $"{(int)response.StatusCode} {response.ReasonPhrase}";
        var error = QdrantErrorText.From(body);
        throw new StoreUnavailableException(response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => $"Qdrant at {BaseUrl} refused {what} ({status}: {error}). Set Store:Qdrant:ApiKey (or RAGPAPERS_Store__Qdrant__ApiKey) to the server's API key.",
            HttpStatusCode.Forbidden => $"Qdrant at {BaseUrl} refused {what} ({status}: {error}). The API key is read-only or may not use this collection; set Store:Qdrant:ApiKey to a read-write key.",
            _ => $"Qdrant at {BaseUrl} rejected {what} ({status}): {error}",
        });
    }

    private T Parse<T>(byte[] body, JsonTypeInfo<T> info, string what)
    {
        try
        {
            return JsonSerializer.Deserialize(body, info) ?? throw new JsonException("the reply is null");
        }
        catch (JsonException ex)
        {
            throw new StoreUnavailableException($"Qdrant at {BaseUrl} sent a reply to {what} that is not the expected JSON ({ex.Message}): {QdrantErrorText.Excerpt(Encoding.UTF8.GetString(body))}", ex);
        }
    }
}
