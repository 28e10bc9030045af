using Google.Protobuf.Collections;
using Qdrant.Client.Grpc;
using QdrantValue = global::Qdrant.Client.Grpc.Value;

namespace RagPapers.Testing.Qdrant;

/// <summary>A stored point as Qdrant returns it, with the payload fields and vectors the request selected.</summary>
internal static class StandInRecords
{
    public static RetrievedPoint Retrieved(StandInPoint point, WithPayloadSelector? withPayload, WithVectorsSelector? withVectors, bool payloadByDefault)
    {
        var record = new RetrievedPoint { Id = StandInIds.Id(point.Id), Vectors = Vectors(point, withVectors) };
        record.Payload.Add(Payload(point, withPayload, payloadByDefault));
        return record;
    }

    public static ScoredPoint Scored(StandInPoint point, double score, WithPayloadSelector? withPayload, WithVectorsSelector? withVectors)
    {
        var record = new ScoredPoint { Id = StandInIds.Id(point.Id), Score = (float)score, Version = point.Version, Vectors = Vectors(point, withVectors) };
        record.Payload.Add(Payload(point, withPayload, byDefault: false));
        return record;
    }

    private static MapField<string, QdrantValue> Payload(StandInPoint point, WithPayloadSelector? selector, bool byDefault)
    {
        var payload = new MapField<string, QdrantValue>();
        foreach (var (key, value) in point.Payload)
        {
            var wanted = selector?.SelectorOptionsCase switch
            {
                null or WithPayloadSelector.SelectorOptionsOneofCase.None => byDefault,
                WithPayloadSelector.SelectorOptionsOneofCase.Enable => selector.Enable,
                WithPayloadSelector.SelectorOptionsOneofCase.Include => selector.Include.Fields.Contains(key),
                _ => !selector.Exclude.Fields.Contains(key),
            };
            if (wanted)
            {
                payload[key] = value.Clone();
            }
        }

        return payload;
    }

    private static VectorsOutput? Vectors(StandInPoint point, WithVectorsSelector? selector)
    {
        var names = selector?.SelectorOptionsCase switch
        {
            WithVectorsSelector.SelectorOptionsOneofCase.Enable when selector.Enable => point.Dense.Keys.Concat(point.Sparse.Keys).ToList(),
            WithVectorsSelector.SelectorOptionsOneofCase.Include => [.. selector.Include.Names],
            _ => [],
        };
        if (names.Count == 0)
        {
            return null;
        }

        var output = new NamedVectorsOutput();
        foreach (var name in names)
        {
            if (point.Dense.TryGetValue(name, out var dense))
            {
                output.Vectors[name] = new VectorOutput { Dense = new DenseVector { Data = { dense } } };
            }
            else if (point.Sparse.TryGetValue(name, out var sparse))
            {
                output.Vectors[name] = new VectorOutput { Sparse = new SparseVector { Indices = { sparse.Keys }, Values = { sparse.Values } } };
            }
        }

        return new VectorsOutput { Vectors = output };
    }
}
