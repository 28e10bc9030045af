using RagPapers.Storage;

namespace RagPapers.Core.Tests.Fakes;

/// <summary>
/// A real store seen as a store without <see cref="IDeferredVectorIndex"/> (as Qdrant is): every call goes to the
/// wrapped store, but the capability is hidden, so the ingestor embeds during ingestion.
/// </summary>
internal sealed class InlineVectorsIndex(IPaperIndex inner) : DelegatingPaperIndex(inner)
{
    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(IDeferredVectorIndex) ? null : base.GetService(serviceType, serviceKey);
}
