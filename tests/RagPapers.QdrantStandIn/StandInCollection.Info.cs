using System.Text.Json.Nodes;

namespace RagPapers.Testing.Qdrant;

internal sealed partial class StandInCollection
{
    /// <summary>GET /collections/{name}: the shape of a single-node Qdrant 1.19 reply, with this collection's numbers.</summary>
    public JsonObject Info()
    {
        var vectors = new JsonObject();
        foreach (var (name, (size, distance)) in Dense)
        {
            vectors[name] = new JsonObject { ["size"] = size, ["distance"] = distance };
        }

        var sparse = new JsonObject();
        foreach (var (name, modifier) in SparseModifiers)
        {
            sparse[name] = modifier == "none" ? new JsonObject() : new JsonObject { ["modifier"] = modifier };
        }

        var schema = new JsonObject();
        foreach (var (field, type) in PayloadIndexes)
        {
            schema[field] = new JsonObject { ["data_type"] = type, ["points"] = Points.Values.Count(p => p.Payload[field] is not null) };
        }

        return new JsonObject
        {
            ["status"] = "green",
            ["optimizer_status"] = "ok",
            ["indexed_vectors_count"] = 0,
            ["points_count"] = Points.Count,
            ["segments_count"] = 2,
            ["config"] = new JsonObject
            {
                ["params"] = new JsonObject
                {
                    ["vectors"] = vectors,
                    ["shard_number"] = 1,
                    ["replication_factor"] = 1,
                    ["write_consistency_factor"] = 1,
                    ["on_disk_payload"] = true,
                    ["sparse_vectors"] = sparse,
                },
                ["hnsw_config"] = new JsonObject { ["m"] = 16, ["ef_construct"] = 100, ["full_scan_threshold"] = 10000, ["max_indexing_threads"] = 0, ["on_disk"] = false },
                ["optimizer_config"] = new JsonObject
                {
                    ["deleted_threshold"] = 0.2,
                    ["vacuum_min_vector_number"] = 1000,
                    ["default_segment_number"] = 0,
                    ["max_segment_size"] = null,
                    ["memmap_threshold"] = null,
                    ["indexing_threshold"] = 10000,
                    ["flush_interval_sec"] = 5,
                    ["max_optimization_threads"] = null,
                },
                ["wal_config"] = new JsonObject { ["wal_capacity_mb"] = 32, ["wal_segments_ahead"] = 0 },
                ["quantization_config"] = null,
                ["metadata"] = Metadata?.DeepClone(),
            },
            ["payload_schema"] = schema,
        };
    }
}
