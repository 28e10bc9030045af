using RagPapers.Storage;

namespace RagPapers.Bench;

/// <summary>The store with its hybrid-search capability hidden, as the server's write-tracking decorator hid it before issue #14.</summary>
internal sealed class WithoutHybridSearch(IPaperIndex inner) : DelegatingPaperIndex(inner)
{
    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(IHybridSearchIndex) ? null : base.GetService(serviceType, serviceKey);
}
