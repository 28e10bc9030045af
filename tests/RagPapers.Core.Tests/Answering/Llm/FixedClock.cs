namespace RagPapers.Core.Tests.Answering.Llm;

/// <summary>The system clock with a fixed calendar date, so prompts that show today's date are exact.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset Today = new(2025, 3, 14, 9, 30, 0, TimeSpan.Zero);

    public FixedClock()
        : this(Today)
    {
    }

    public override DateTimeOffset GetUtcNow() => now;
}
