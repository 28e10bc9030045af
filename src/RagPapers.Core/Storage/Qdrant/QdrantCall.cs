using Polly;

namespace RagPapers.Storage.Qdrant;

/// <summary>What the pipeline's context carries about a call: its name for logs and messages, and how many tries it took.</summary>
internal static class QdrantCall
{
    public static readonly ResiliencePropertyKey<string> NameKey = new("ragpapers.qdrant.call");
    public static readonly ResiliencePropertyKey<int> AttemptsKey = new("ragpapers.qdrant.attempts");

    public static string Name(ResilienceContext context) => context.Properties.GetValue(NameKey, "call");

    public static int CountAttempt(ResilienceContext context)
    {
        var attempts = context.Properties.GetValue(AttemptsKey, 0) + 1;
        context.Properties.Set(AttemptsKey, attempts);
        return attempts;
    }
}
