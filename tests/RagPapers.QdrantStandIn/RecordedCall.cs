using Google.Protobuf;

namespace RagPapers.Testing.Qdrant;

/// <summary>
/// One call as the stand-in received it: the method ("Points/Query"), the request's wire bytes and the api-key sent.
/// A test reads the request with the official client's own message types (<c>QueryPoints.Parser</c>), which is also
/// a check that what the client sent is what the protos define.
/// </summary>
public sealed record RecordedCall(string Method, byte[] Request, string? ApiKey)
{
    public T Read<T>(MessageParser<T> parser)
        where T : IMessage<T>
    {
        ArgumentNullException.ThrowIfNull(parser);
        return parser.ParseFrom(Request);
    }
}
