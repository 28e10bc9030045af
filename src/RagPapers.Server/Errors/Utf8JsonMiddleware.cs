using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace RagPapers.Server.Errors;

/// <summary>
/// Refuses a JSON body declared in a charset other than UTF-8 with 415, before model binding: the framework would
/// otherwise fail on an unknown charset ("charset=klingon") with an exception, which is a 500. JSON exchanged
/// between systems is UTF-8 (RFC 8259 §8.1).
/// </summary>
internal sealed class Utf8JsonMiddleware(RequestDelegate next, IProblemDetailsService problems)
{
    public Task InvokeAsync(HttpContext context)
    {
        var contentType = context.Request.ContentType;
        if (contentType is null
            || !MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            || !IsJson(mediaType)
            || !HasCharset(mediaType)
            || IsUtf8(mediaType.Charset.Value))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status415UnsupportedMediaType,
                Detail = "Send JSON as UTF-8 (\"Content-Type: application/json\" or \"application/json; charset=utf-8\").",
            },
        }).AsTask();
    }

    private static bool IsJson(MediaTypeHeaderValue mediaType) =>
        mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase);

    // "charset=" with nothing after it names no encoding either; the framework would fail on it with a 500.
    private static bool HasCharset(MediaTypeHeaderValue mediaType) =>
        mediaType.Parameters.Any(parameter => parameter.Name.Equals("charset", StringComparison.OrdinalIgnoreCase));

    private static bool IsUtf8(string? charset)
    {
        var name = charset?.Trim('"');
        return string.Equals(name, "utf-8", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "utf8", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, Encoding.UTF8.WebName, StringComparison.OrdinalIgnoreCase);
    }
}
