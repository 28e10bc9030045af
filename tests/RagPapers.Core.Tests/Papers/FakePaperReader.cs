using System.Runtime.CompilerServices;
using RagPapers.Papers;

namespace RagPapers.Core.Tests.Papers;

/// <summary>An <see cref="IPaperReader"/> whose recognition is a delegate; it reads no papers.</summary>
internal sealed class FakePaperReader(string format, Func<string, string, bool> canRead) : IPaperReader
{
    public string Format => format;

    public bool CanRead(string path, string head) => canRead(path, head);

    public async IAsyncEnumerable<ReadResult> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        yield break;
    }
}
