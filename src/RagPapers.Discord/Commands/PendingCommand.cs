namespace RagPapers.Discord.Commands;

/// <summary>
/// A command waiting for a worker: what to run, which channel's conversation it continues, and (in the derived
/// type) where the reply goes. It is answered within 15 minutes of arriving or not at all: an interaction token
/// dies then, and an answer that late to a message would be noise.
/// </summary>
internal abstract record PendingCommand(string Id, string ConversationKey, SlashCommandInvocation Command, DateTimeOffset ReceivedAt)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    // A call that starts this close to the end could reach Discord after the token died.
    private static readonly TimeSpan SafetyMargin = TimeSpan.FromSeconds(10);

    /// <summary>"Interaction" or "Message", for logs.</summary>
    public abstract string Kind { get; }

    public DateTimeOffset UsableUntil => ReceivedAt + Lifetime - SafetyMargin;

    /// <summary>
    /// Completes once Discord holds the first reply this one builds on (over the Gateway, the deferred
    /// "thinking…" sent by REST); faults when that failed and there is nothing to edit.
    /// </summary>
    public Task Acknowledged { get; init; } = Task.CompletedTask;

    public bool IsExpired(DateTimeOffset now) => now >= UsableUntil;
}
