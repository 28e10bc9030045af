using Grpc.Core;
using Qdrant.Client.Grpc;

namespace RagPapers.Testing.Qdrant;

/// <summary>qdrant.Collections: get, create, delete and exists; the rest answer Unimplemented.</summary>
internal sealed class CollectionsService(StandInState state) : Collections.CollectionsBase
{
    public override Task<GetCollectionInfoResponse> Get(GetCollectionInfoRequest request, ServerCallContext context) =>
        Task.FromResult(new GetCollectionInfoResponse { Result = state.With(request.CollectionName, c => c.Info()) });

    public override Task<CollectionOperationResponse> Create(CreateCollection request, ServerCallContext context)
    {
        var collection = new StandInCollection(request);
        return state.Collections.TryAdd(request.CollectionName, collection)
            ? Task.FromResult(new CollectionOperationResponse { Result = true })
            : throw new StandInError(StatusCode.AlreadyExists, $"Wrong input: Collection `{request.CollectionName}` already exists!");
    }

    public override Task<CollectionOperationResponse> Delete(DeleteCollection request, ServerCallContext context) =>
        Task.FromResult(new CollectionOperationResponse { Result = state.Collections.TryRemove(request.CollectionName, out _) });

    public override Task<CollectionExistsResponse> CollectionExists(CollectionExistsRequest request, ServerCallContext context) =>
        Task.FromResult(new CollectionExistsResponse { Result = new CollectionExists { Exists = state.Collections.ContainsKey(request.CollectionName) } });
}
