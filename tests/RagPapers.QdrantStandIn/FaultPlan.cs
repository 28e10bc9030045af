using System.Collections.Concurrent;

namespace RagPapers.Testing.Qdrant;

/// <summary>
/// Faults the stand-in applies to the next requests, one fault per request, in order: a status reply (503, 429,
/// 500 …) with Qdrant's error body, a delay before the normal reply (to make a client time out), or a dropped
/// connection (no reply at all).
/// </summary>
public sealed class FaultPlan
{
    private readonly ConcurrentQueue<Fault> faults = new();

    public int Pending => faults.Count;

    public FaultPlan Status(int statusCode, int times = 1) => Add(new Fault(FaultKind.Status, statusCode, TimeSpan.Zero), times);

    public FaultPlan Delay(TimeSpan delay, int times = 1) => Add(new Fault(FaultKind.Delay, 0, delay), times);

    public FaultPlan Drop(int times = 1) => Add(new Fault(FaultKind.Drop, 0, TimeSpan.Zero), times);

    public void Clear() => faults.Clear();

    internal bool TryTake(out Fault fault) => faults.TryDequeue(out fault!);

    private FaultPlan Add(Fault fault, int times)
    {
        for (var i = 0; i < times; i++)
        {
            faults.Enqueue(fault);
        }

        return this;
    }

    internal enum FaultKind
    {
        Status,
        Delay,
        Drop,
    }

    internal sealed record Fault(FaultKind Kind, int StatusCode, TimeSpan Delay);
}
