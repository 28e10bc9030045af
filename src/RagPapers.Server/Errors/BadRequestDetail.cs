using System.Text.Json;
using System.Text.RegularExpressions;

namespace RagPapers.Server.Errors;

/// <summary>
/// A client-facing detail for what the framework throws about a bad request: the parameter or JSON field, what was
/// expected, and no .NET type names ("Nullable&lt;int&gt; top" reads "query parameter \"top\"… a whole number").
/// </summary>
internal static partial class BadRequestDetail
{
    private const int MaxEchoedValue = 40;

    public static string Describe(BadHttpRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return DefaultProblemDetail.For(StatusCodes.Status413PayloadTooLarge)!;
        }

        if (exception.InnerException is JsonException json)
        {
            return JsonErrorDetail.Describe(json);
        }

        var message = exception.Message;
        if (BindFailure().Match(message) is { Success: true } bind)
        {
            var value = bind.Groups["value"].Value;
            value = value.Length > MaxEchoedValue ? value[..MaxEchoedValue] + "…" : value;
            return $"Query parameter \"{bind.Groups["name"].Value}\" cannot be \"{value}\": expected {Expected(bind.Groups["type"].Value)}.";
        }

        if (message.Contains("no body was provided", StringComparison.Ordinal) || message.Contains("was not provided from body", StringComparison.Ordinal))
        {
            return "The request body is empty; send a JSON object such as {\"question\": \"What is Barlow Twins?\"}.";
        }

        return message;
    }

    private static string Expected(string type) =>
        type.Contains("Date", StringComparison.Ordinal) ? "a date as yyyy-MM-dd"
        : type.Contains("int", StringComparison.OrdinalIgnoreCase) ? "a whole number"
        : type.Contains("bool", StringComparison.OrdinalIgnoreCase) ? "true or false"
        : "a value of another form";

    [GeneratedRegex("^Failed to bind parameter \"(?<type>.+) (?<name>[^ \"]+)\" from \"(?<value>.*)\"\\.$", RegexOptions.Singleline)]
    private static partial Regex BindFailure();
}
