namespace RagPapers.Storage.Qdrant;

/// <summary>A sparse vector as the BM25 encoder makes it: unique, ascending <paramref name="Indices"/> with one value each.</summary>
internal sealed record SparseTerms(IReadOnlyList<uint> Indices, IReadOnlyList<float> Values)
{
    public global::Qdrant.Client.Grpc.SparseVector ToGrpc() => new() { Indices = { Indices }, Values = { Values } };
}
