namespace RagPapers.Answering.FollowUps;

/// <summary>The turns so far, newest last; bounded so a long session stays small.</summary>
public sealed class Conversation
{
    private readonly List<ConversationTurn> _turns = [];

    public Conversation(int maxTurns = 20) => MaxTurns = maxTurns;

    public int MaxTurns { get; }

    public IReadOnlyList<ConversationTurn> Turns => _turns;

    public ConversationTurn? Last => _turns.Count == 0 ? null : _turns[^1];

    public void Add(ConversationTurn turn)
    {
        _turns.Add(turn);
        if (_turns.Count > MaxTurns)
        {
            _turns.RemoveAt(0);
        }
    }

    public void Reset() => _turns.Clear();
}
