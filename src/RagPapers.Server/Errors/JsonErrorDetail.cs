using System.Text.Json;

namespace RagPapers.Server.Errors;

/// <summary>
/// A client-facing sentence for a JSON error: what is wrong and where (the JSON path), without the .NET type names
/// System.Text.Json puts in its messages.
/// </summary>
internal static class JsonErrorDetail
{
    public static string Describe(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var path = string.IsNullOrEmpty(exception.Path) ? null : exception.Path;
        var where = path is null ? "" : $" at {path}";
        var position = exception.LineNumber is { } line ? $" (line {line + 1}, byte {exception.BytePositionInLine + 1})" : "";
        var message = exception.Message;
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return $"The request body has an unknown field{where}; see the OpenAPI document at /openapi/v1.json for the fields.";
        }

        if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return $"The value{where} has the wrong type or format{position}; dates are \"yyyy-MM-dd\", text fields are strings, switches are true or false.";
        }

        return $"The request body is not valid JSON{where}{position}.";
    }
}
