using System.Collections.Concurrent;

namespace RagPapers.Testing.Qdrant;

/// <summary>What one stand-in holds and has seen: its collections, the calls, the faults to come, the violations.</summary>
internal sealed class StandInState(string? apiKey)
{
    public string? ApiKey { get; } = apiKey;

    public string Version { get; set; } = "1.19.0";

    public ConcurrentDictionary<string, StandInCollection> Collections { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<RecordedCall> Calls { get; } = new();

    public ConcurrentQueue<string> Violations { get; } = new();

    public FaultPlan Faults { get; } = new();

    /// <summary>Runs <paramref name="use"/> on the named collection under its lock; NotFound as Qdrant words it when absent.</summary>
    public T With<T>(string name, Func<StandInCollection, T> use)
    {
        var collection = Collections.TryGetValue(name, out var found) ? found : throw StandInError.NoCollection(name);
        lock (collection.Gate)
        {
            return use(collection);
        }
    }
}
