namespace RagPapers.Conversations;

/// <summary>The bounds of a <see cref="ConversationStore"/>: how many conversations, how long idle, how many turns each.</summary>
/// <param name="MaxConversations">At most this many are kept; the least recently used goes first.</param>
/// <param name="IdleTime">One unused for this long is forgotten; <see cref="Timeout.InfiniteTimeSpan"/> keeps it.</param>
/// <param name="MaxTurns">Turns kept per conversation (follow-ups look at the last one).</param>
public sealed record ConversationLimits(int MaxConversations, TimeSpan IdleTime, int MaxTurns = 20);
