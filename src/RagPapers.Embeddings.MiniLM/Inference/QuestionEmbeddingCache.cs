using Microsoft.Extensions.AI;

namespace RagPapers.Embeddings.MiniLM.Inference;

/// <summary>
/// Remembers the vectors of the last questions embedded one at a time, so a question asked again (a retried request,
/// the same `/ask` from two users, the REPL's follow-up that condenses to the same text) skips the model. Calls with
/// several texts (ingestion) and calls with options pass straight through and are not remembered.
/// </summary>
internal sealed class QuestionEmbeddingCache(IEmbeddingGenerator<string, Embedding<float>> inner, int capacity)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    private readonly Dictionary<string, LinkedListNode<(string Text, ReadOnlyMemory<float> Vector, string? ModelId)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Text, ReadOnlyMemory<float> Vector, string? ModelId)> _recency = new();
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (options is not null || values is not IReadOnlyList<string> { Count: 1 } single)
        {
            return await base.GenerateAsync(values, options, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var text = single[0];
        if (TryGet(text) is { } hit)
        {
            return [new Embedding<float>(hit.Vector) { ModelId = hit.ModelId }];
        }

        var generated = await base.GenerateAsync(single, options, cancellationToken);
        if (generated is [var embedding])
        {
            Add(text, embedding.Vector, embedding.ModelId);
        }

        return generated;
    }

    private (ReadOnlyMemory<float> Vector, string? ModelId)? TryGet(string text)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(text, out var node))
            {
                return null;
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            return (node.Value.Vector, node.Value.ModelId);
        }
    }

    private void Add(string text, ReadOnlyMemory<float> vector, string? modelId)
    {
        lock (_lock)
        {
            if (_entries.ContainsKey(text) || capacity <= 0)
            {
                return;
            }

            _entries[text] = _recency.AddFirst((text, vector, modelId));
            if (_entries.Count > capacity)
            {
                _entries.Remove(_recency.Last!.Value.Text);
                _recency.RemoveLast();
            }
        }
    }
}
