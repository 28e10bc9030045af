using System.Collections.Concurrent;
using Grpc.Core;

namespace RagPapers.Testing.Qdrant;

/// <summary>
/// Faults the stand-in applies to the next calls, one fault per call, in order: a status instead of the reply
/// (Unavailable, ResourceExhausted …, with Qdrant's wording), or a delay before the normal reply (to make a client's
/// deadline pass). A closed port is a stand-in that was never started: <see cref="QdrantStandIn.ClosedPortUrl"/>.
/// </summary>
public sealed class FaultPlan
{
    private readonly ConcurrentQueue<Fault> _faults = new();

    public int Pending => _faults.Count;

    public FaultPlan Status(StatusCode code, int times = 1) => Add(new Fault(code, TimeSpan.Zero), times);

    public FaultPlan Delay(TimeSpan delay, int times = 1) => Add(new Fault(null, delay), times);

    public void Clear() => _faults.Clear();

    internal bool TryTake(out Fault fault) => _faults.TryDequeue(out fault!);

    private FaultPlan Add(Fault fault, int times)
    {
        for (var i = 0; i < times; i++)
        {
            _faults.Enqueue(fault);
        }

        return this;
    }

    internal sealed record Fault(StatusCode? Code, TimeSpan Delay);
}
