using RagPapers.Answering.Contracts;

namespace RagPapers.Core.Tests.Answering;

/// <summary>An <see cref="IAnswerWriter"/> whose behaviour is the delegate given.</summary>
internal sealed class FakeAnswerWriter(Func<AnswerRequest, CancellationToken, Task<Answer>> write, string name = "fake") : IAnswerWriter
{
    public string Name => name;

    public Task<Answer> WriteAsync(AnswerRequest request, CancellationToken cancellationToken = default) => write(request, cancellationToken);
}
