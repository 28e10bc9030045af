namespace RagPapers.Testing.Qdrant;

/// <summary>An error reply as Qdrant gives it: the status code and the text of <c>status.error</c>.</summary>
internal sealed class StandInError(int statusCode, string message, bool unsupported = false) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    /// <summary>The request used something the stand-in does not imitate; recorded as a violation so the test fails.</summary>
    public bool IsUnsupported { get; } = unsupported;

    public static StandInError BadRequest(string message) => new(400, "Wrong input: " + message);

    public static StandInError NotFound(string collection) => new(404, $"Not found: Collection `{collection}` doesn't exist!");

    /// <summary>The client used a feature this stand-in does not imitate: the test must fail rather than pass on a guess.</summary>
    public static StandInError Unsupported(string what) => new(400, "Qdrant stand-in does not implement " + what, unsupported: true);

    /// <summary>The same error with another status (409 for a collection that already exists).</summary>
    public StandInError WithStatus(int statusCode) => new(statusCode, Message, IsUnsupported);
}
