using Onnx;

namespace RagPapers.Embeddings.MiniLM.Quantization;

/// <summary>Removes what no graph output depends on: nodes, initializers and shape annotations left behind by a rewrite.</summary>
internal static class GraphPruner
{
    /// <summary>Drops every graph output but <paramref name="keep"/> (all-MiniLM-L6-v2's pooler output is never read), then what only fed them.</summary>
    public static void KeepOutputs(GraphProto graph, params string[] keep)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var missing = keep.Where(name => graph.Output.All(o => o.Name != name)).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidDataException($"The graph has no output named {string.Join(", ", missing)}.");
        }

        foreach (var output in graph.Output.Where(o => !keep.Contains(o.Name)).ToArray())
        {
            graph.Output.Remove(output);
        }

        RemoveUnused(graph);
    }

    public static void RemoveUnused(GraphProto graph)
    {
        ArgumentNullException.ThrowIfNull(graph);

        // A node with a subgraph may read any outer value by name; such graphs are left whole rather than analysed.
        if (graph.Node.Any(n => n.Attribute.Any(a => a.G is not null || a.Graphs.Count > 0)))
        {
            return;
        }

        var live = new HashSet<string>(graph.Output.Select(o => o.Name), StringComparer.Ordinal);

        // Nodes are in topological order, so one backward pass sees every consumer before its producers.
        for (var i = graph.Node.Count - 1; i >= 0; i--)
        {
            var node = graph.Node[i];
            if (node.Output.Any(live.Contains))
            {
                live.UnionWith(node.Input.Where(name => name.Length > 0));
            }
            else
            {
                graph.Node.RemoveAt(i);
            }
        }

        RemoveWhere(graph.Initializer, t => !live.Contains(t.Name));
        RemoveWhere(graph.ValueInfo, v => !live.Contains(v.Name));
    }

    private static void RemoveWhere<T>(Google.Protobuf.Collections.RepeatedField<T> items, Func<T, bool> dead)
    {
        for (var i = items.Count - 1; i >= 0; i--)
        {
            if (dead(items[i]))
            {
                items.RemoveAt(i);
            }
        }
    }
}
