using Qdrant.Client.Grpc;

namespace RagPapers.Testing.Qdrant;

/// <summary>
/// A vector as a client may send it: the <c>dense</c> / <c>sparse</c> oneof of current clients, or the deprecated
/// flat <c>data</c> (with <c>indices</c> for a sparse one) that older clients send and Qdrant still reads.
/// </summary>
internal static class StandInVectors
{
#pragma warning disable CS0612 // the deprecated flat form is what older clients send
    public static bool IsSparse(Vector vector) =>
        vector.VectorCase == Vector.VectorOneofCase.Sparse || (vector.VectorCase == Vector.VectorOneofCase.None && vector.Indices is not null);

    public static float[] Dense(Vector vector) => vector.VectorCase switch
    {
        Vector.VectorOneofCase.Dense => [.. vector.Dense.Data],
        Vector.VectorOneofCase.None => [.. vector.Data],
        _ => throw StandInError.Unsupported("vectors other than dense and sparse ones"),
    };

    public static (IReadOnlyList<uint> Indices, IReadOnlyList<float> Values) Sparse(Vector vector) =>
        vector.VectorCase == Vector.VectorOneofCase.Sparse
            ? ([.. vector.Sparse.Indices], [.. vector.Sparse.Values])
            : ([.. vector.Indices.Data], [.. vector.Data]);
#pragma warning restore CS0612

    public static (IReadOnlyList<uint> Indices, IReadOnlyList<float> Values) Sparse(SparseVector vector) => ([.. vector.Indices], [.. vector.Values]);
}
