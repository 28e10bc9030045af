using System.Runtime.CompilerServices;

namespace RagPapers.Server.Tests.Infrastructure;

/// <summary>
/// Parses a text/event-stream as the HTML spec says: "event:" and "data:" fields, an empty line ends an event,
/// lines starting with ":" are comments, a missing event type is "message".
/// </summary>
public static class SseReader
{
    public static async IAsyncEnumerable<SseEvent> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(stream);
        string? type = null;
        var data = new List<string>();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Count > 0)
                {
                    yield return new SseEvent(type ?? "message", string.Join('\n', data));
                }

                (type, data) = (null, []);
                continue;
            }

            if (line.StartsWith(':'))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..];
            value = value.StartsWith(' ') ? value[1..] : value;
            if (field == "event")
            {
                type = value;
            }
            else if (field == "data")
            {
                data.Add(value);
            }
        }
    }
}
