using RagPapers.OpenAICompatible;

namespace RagPapers.Answering.Llm;

/// <summary>
/// Remembers that the endpoint was just found down, so the next questions go straight to the extractive answer
/// for a short while instead of each waiting for the same refusal or timeout (the follow-up rewrite and the
/// answer of one question would otherwise wait twice).
/// </summary>
internal sealed class LlmAvailability(TimeProvider time)
{
    /// <summary>How long a down endpoint is skipped; short, so a server that was just started is used soon.</summary>
    internal static readonly TimeSpan Cooldown = TimeSpan.FromSeconds(10);

    private long _downSince = -1;

    public bool IsDown
    {
        get
        {
            var since = Interlocked.Read(ref _downSince);
            return since >= 0 && time.GetElapsedTime(since) < Cooldown;
        }
    }

    public void Record(LlmFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (failure.MeansUnavailable)
        {
            Interlocked.Exchange(ref _downSince, time.GetTimestamp());
        }
    }

    public void RecordSuccess() => Interlocked.Exchange(ref _downSince, -1);
}
