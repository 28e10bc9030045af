namespace RagPapers.Server.Errors;

/// <summary>
/// The detail of a problem the framework raised without one (no route, wrong method, wrong media type, a body
/// Kestrel refused): what the client can do about it.
/// </summary>
internal static class DefaultProblemDetail
{
    public static string? For(int statusCode) => statusCode switch
    {
        400 => "The request is malformed.",
        401 => "This endpoint needs an API key: send it in the X-Api-Key header or as \"Authorization: Bearer <key>\".",
        404 => "Nothing is served at this path; the endpoints are listed in /openapi/v1.json.",
        405 => "This method is not allowed on this path; the endpoints are listed in /openapi/v1.json.",
        411 => "Send a Content-Length or a chunked body.",
        413 => "The request body is larger than this endpoint accepts (Server:MaxRequestBodyBytes, or Server:MaxIngestBodyBytes for /api/ingest).",
        415 => "Send the body as JSON with \"Content-Type: application/json\".",
        431 => "The request headers are too large.",
        503 => "The server is not ready; retry shortly.",
        504 => "The request took longer than the server allows (Server:RequestTimeoutSeconds) and was cancelled.",
        _ => null,
    };
}
