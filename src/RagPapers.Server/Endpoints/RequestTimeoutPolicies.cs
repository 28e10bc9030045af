namespace RagPapers.Server.Endpoints;

/// <summary>The names of the request-timeout policies the endpoints ask for; hosting registers them with their durations.</summary>
internal static class RequestTimeoutPolicies
{
    public const string Stream = "stream";
    public const string Ingest = "ingest";
}
