using RagPapers.Answering.Contracts;
using RagPapers.Answering.Extractive;

namespace RagPapers.Discord.Tests.Infrastructure;

/// <summary>An answer writer that does what the test says: a hand-written fake of our own seam.</summary>
public sealed class DelegateAnswerWriter(Func<AnswerRequest, CancellationToken, Task<Answer>> write) : IAnswerWriter
{
    // Registered after the core, it takes the default writer's name and so its place in AnswerWriters.
    public string Name => ExtractiveAnswerWriter.WriterName;

    public Task<Answer> WriteAsync(AnswerRequest request, CancellationToken cancellationToken = default) => write(request, cancellationToken);
}
