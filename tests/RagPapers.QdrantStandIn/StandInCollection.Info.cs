using Qdrant.Client.Grpc;

namespace RagPapers.Testing.Qdrant;

internal sealed partial class StandInCollection
{
    /// <summary>Collections/Get: the shape of a single-node Qdrant 1.19 reply, with this collection's numbers.</summary>
    public CollectionInfo Info()
    {
        var dense = new VectorParamsMap();
        foreach (var (name, (size, distance)) in Dense)
        {
            dense.Map[name] = new VectorParams { Size = size, Distance = distance };
        }

        var sparse = new SparseVectorConfig();
        foreach (var (name, modifier) in SparseModifiers)
        {
            sparse.Map[name] = modifier == Modifier.None ? new SparseVectorParams() : new SparseVectorParams { Modifier = modifier };
        }

        var config = new CollectionConfig
        {
            Params = new CollectionParams
            {
                ShardNumber = 1,
                VectorsConfig = new VectorsConfig { ParamsMap = dense },
                ReplicationFactor = 1,
                WriteConsistencyFactor = 1,
                SparseVectorsConfig = sparse,
            },
            HnswConfig = new HnswConfigDiff { M = 16, EfConstruct = 100, FullScanThreshold = 10000, MaxIndexingThreads = 0 },
            OptimizerConfig = new OptimizersConfigDiff { DeletedThreshold = 0.2, VacuumMinVectorNumber = 1000, DefaultSegmentNumber = 0, IndexingThreshold = 10000, FlushIntervalSec = 5 },
            WalConfig = new WalConfigDiff { WalCapacityMb = 32, WalSegmentsAhead = 0 },
        };
        config.Metadata.Add(Metadata);

        var info = new CollectionInfo
        {
            Status = CollectionStatus.Green,
            OptimizerStatus = new OptimizerStatus { Ok = true },
            SegmentsCount = 2,
            PointsCount = (ulong)Points.Count,
            IndexedVectorsCount = 0,
            Config = config,
        };
        foreach (var (field, type) in PayloadIndexes)
        {
            info.PayloadSchema[field] = new PayloadSchemaInfo { DataType = type, Points = (ulong)Points.Values.Count(p => p.Payload.ContainsKey(field)) };
        }

        return info;
    }
}
