using System.Globalization;
using Grpc.Core;
using Polly.CircuitBreaker;

namespace RagPapers.Storage.Qdrant;

/// <summary>
/// A failed call as a <see cref="StoreUnavailableException"/> that names the server, the call and Qdrant's own words,
/// and says which setting to look at: the URL for a server that cannot be reached, the key for a refusal.
/// </summary>
internal static class QdrantFailures
{
    private const int MaxDetailChars = 500;

    public static StoreUnavailableException From(RpcException error, Uri url, string call, int attempts, TimeSpan timeout)
    {
        var detail = Detail(error);
        var message = error.StatusCode switch
        {
            StatusCode.DeadlineExceeded => Unreachable(url, $"no reply within {Seconds(timeout)} s (Store:Qdrant:TimeoutSeconds)", call, attempts),
            _ when QdrantResilience.IsTransient(error.StatusCode) => Unreachable(url, $"{detail} ({error.StatusCode})", call, attempts),
            StatusCode.Unauthenticated => $"Qdrant at {url} refused {call} (Unauthenticated: {detail}). Set Store:Qdrant:ApiKey (or RAGPAPERS_Store__Qdrant__ApiKey) to the server's API key.",
            StatusCode.PermissionDenied => $"Qdrant at {url} refused {call} (PermissionDenied: {detail}). The API key is read-only or may not use this collection; set Store:Qdrant:ApiKey to a read-write key.",
            _ => $"Qdrant at {url} rejected {call} ({error.StatusCode}): {detail}",
        };
        return new StoreUnavailableException(message, error);
    }

    /// <summary>A call not sent because the breaker is open: the server was found down moments ago.</summary>
    public static StoreUnavailableException Skipped(BrokenCircuitException error, Uri url, string call) =>
        new($"Qdrant at {url} is unreachable: it was found down moments ago, so {call} was not sent; calls try it again within {Seconds(QdrantResilience.BreakDuration)} s. " + WhatToDo, error);

    private static string Unreachable(Uri url, string failure, string call, int attempts) =>
        $"Qdrant at {url} is unreachable: {failure} ({call}; {attempts} {(attempts == 1 ? "attempt" : "attempts")}). " + WhatToDo;

    private const string WhatToDo = "Start it (e.g. `docker compose up -d qdrant`) or check Store:Qdrant:Url (Qdrant's gRPC port, 6334 by default).";

    // The status detail of a connection failure is generic ("Error connecting to subchannel."); the socket's own
    // words ("Connection refused (127.0.0.1:6334)") are in the debug exception.
    private static string Detail(RpcException error)
    {
        var detail = error.Status.Detail;
        if (error.Status.DebugException is { } debug)
        {
            var inner = debug;
            while (inner.InnerException is not null)
            {
                inner = inner.InnerException;
            }

            detail = string.IsNullOrEmpty(detail) ? inner.Message : $"{inner.Message}: {detail}";
        }

        detail = string.IsNullOrWhiteSpace(detail) ? "no error text" : detail.Trim();
        return detail.Length <= MaxDetailChars ? detail : detail[..MaxDetailChars] + "…";
    }

    private static string Seconds(TimeSpan timeout) => timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
