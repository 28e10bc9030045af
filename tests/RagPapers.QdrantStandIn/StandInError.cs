using Grpc.Core;

namespace RagPapers.Testing.Qdrant;

/// <summary>
/// A refusal, as the status Qdrant's gRPC server gives (InvalidArgument "Wrong input: …", NotFound "Not found: …").
/// <see cref="IsUnsupported"/> marks a request this stand-in does not imitate: it is kept as a violation, so a test
/// never passes on something the stand-in only guessed.
/// </summary>
internal sealed class StandInError(StatusCode code, string message, bool isUnsupported = false) : Exception(message)
{
    public StatusCode Code { get; } = code;

    public bool IsUnsupported { get; } = isUnsupported;

    public static StandInError WrongInput(string description) => new(StatusCode.InvalidArgument, "Wrong input: " + description);

    public static StandInError Validation(string description) => new(StatusCode.InvalidArgument, "Validation error in JSON body: [" + description + "]");

    public static StandInError NotFound(string description) => new(StatusCode.NotFound, "Not found: " + description);

    public static StandInError Unsupported(string what) => new(StatusCode.Unimplemented, $"The Qdrant stand-in does not imitate {what}", isUnsupported: true);

    public static StandInError NoCollection(string name) => NotFound($"Collection `{name}` doesn't exist!");
}
