using Grpc.Core;
using Qdrant.Client.Grpc;

namespace RagPapers.Testing.Qdrant;

/// <summary>qdrant.Points: the calls RagPapers makes (upsert, delete, get, scroll, count, query, field index); the rest answer Unimplemented.</summary>
internal sealed class PointsService(StandInState state) : Points.PointsBase
{
    public override Task<PointsOperationResponse> Upsert(UpsertPoints request, ServerCallContext context) =>
        Task.FromResult(Applied(state.With(request.CollectionName, c => c.Upsert(request)), request.HasWait && request.Wait));

    public override Task<PointsOperationResponse> Delete(DeletePoints request, ServerCallContext context) =>
        Task.FromResult(Applied(state.With(request.CollectionName, c => c.Delete(request)), request.HasWait && request.Wait));

    public override Task<PointsOperationResponse> CreateFieldIndex(CreateFieldIndexCollection request, ServerCallContext context) =>
        Task.FromResult(Applied(state.With(request.CollectionName, c => c.CreateIndex(request)), request.HasWait && request.Wait));

    public override Task<GetResponse> Get(GetPoints request, ServerCallContext context) =>
        Task.FromResult(new GetResponse { Result = { state.With(request.CollectionName, c => c.Get(request).ToList()) } });

    public override Task<ScrollResponse> Scroll(ScrollPoints request, ServerCallContext context) =>
        Task.FromResult(state.With(request.CollectionName, c => c.Scroll(request)));

    public override Task<CountResponse> Count(CountPoints request, ServerCallContext context) =>
        Task.FromResult(new CountResponse { Result = new CountResult { Count = state.With(request.CollectionName, c => c.Count(request)) } });

    public override Task<QueryResponse> Query(QueryPoints request, ServerCallContext context) =>
        Task.FromResult(new QueryResponse { Result = { state.With(request.CollectionName, c => c.Query(request).ToList()) } });

    // Writes apply at once here, so "completed" and "acknowledged" differ only in what the reply says.
    private static PointsOperationResponse Applied(ulong operation, bool wait) =>
        new() { Result = new UpdateResult { OperationId = operation, Status = wait ? UpdateStatus.Completed : UpdateStatus.Acknowledged } };
}
