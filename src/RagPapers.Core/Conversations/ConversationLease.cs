using RagPapers.Answering.FollowUps;

namespace RagPapers.Conversations;

/// <summary>Exclusive use of one conversation for one question; disposing it lets the next question in.</summary>
public sealed class ConversationLease(string id, Conversation conversation, Action release) : IDisposable
{
    private Action? _release = release;

    public string Id { get; } = id;

    public Conversation Conversation { get; } = conversation;

    public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();
}
