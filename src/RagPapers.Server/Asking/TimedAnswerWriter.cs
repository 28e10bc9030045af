using RagPapers.Answering;

namespace RagPapers.Server.Asking;

/// <summary>Measures the writer's part of one ask.</summary>
internal sealed class TimedAnswerWriter(IAnswerWriter inner, AskTimings timings) : IAnswerWriter
{
    public string Name => inner.Name;

    public Task<Answer> WriteAsync(AnswerRequest request, CancellationToken cancellationToken = default) =>
        timings.TimeAnswerAsync(() => inner.WriteAsync(request, cancellationToken));
}
