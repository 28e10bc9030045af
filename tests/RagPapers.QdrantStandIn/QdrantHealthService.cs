using Grpc.Core;
using Qdrant.Client.Grpc;

namespace RagPapers.Testing.Qdrant;

/// <summary>qdrant.Qdrant: the health check, which also names the server's version.</summary>
internal sealed class QdrantHealthService(StandInState state) : global::Qdrant.Client.Grpc.Qdrant.QdrantBase
{
    public override Task<HealthCheckReply> HealthCheck(HealthCheckRequest request, ServerCallContext context) =>
        Task.FromResult(new HealthCheckReply { Title = "qdrant - vector search engine", Version = state.Version });
}
