namespace RagPapers.Testing.Qdrant;

/// <summary>One request as the stand-in received it. <paramref name="ApiKey"/> is the api-key header (or bearer token), if any.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, string Body, string? ApiKey, string? OperationId)
{
    public override string ToString() => $"{Method} {Path}{Query}";
}
