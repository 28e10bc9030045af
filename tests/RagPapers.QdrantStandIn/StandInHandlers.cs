using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace RagPapers.Testing.Qdrant;

/// <summary>What each operation does to the in-memory collections; returns the <c>result</c> of the reply.</summary>
internal sealed class StandInHandlers(Func<string> version)
{
    public ConcurrentDictionary<string, StandInCollection> Collections { get; } = new(StringComparer.Ordinal);

    public JsonNode? Handle(string operationId, string? name, JsonObject? body, bool wait)
    {
        switch (operationId)
        {
            case "root":
                return new JsonObject { ["title"] = "qdrant - vector search engine", ["version"] = version(), ["commit"] = "0000000000000000000000000000000000000000" };
            case "create_collection":
                var created = new StandInCollection(name!, body!);
                return Collections.TryAdd(name!, created) ? true : throw StandInError.BadRequest($"Collection `{name}` already exists!").WithStatus(409);
            case "delete_collection":
                return Collections.TryRemove(name!, out _);
            case "collection_exists":
                return new JsonObject { ["exists"] = Collections.ContainsKey(name!) };
        }

        var collection = Collections.GetValueOrDefault(name!) ?? throw StandInError.NotFound(name!);
        lock (collection.Gate)
        {
            return operationId switch
            {
                "get_collection" => collection.Info(),
                "create_field_index" => Update(collection.CreateIndex(body!), wait),
                "upsert_points" => Update(collection.Upsert(body!), wait),
                "delete_points" => Update(collection.Delete(body!), wait),
                "get_points" => collection.Get(body!),
                "scroll_points" => collection.Scroll(body!),
                "count_points" => new JsonObject { ["count"] = collection.Count(body!) },
                "query_points" => collection.Query(body!),
                _ => throw StandInError.Unsupported("the operation " + operationId),
            };
        }
    }

    private static JsonObject Update(long operationId, bool wait) =>
        new() { ["operation_id"] = operationId, ["status"] = wait ? "completed" : "acknowledged" };
}
