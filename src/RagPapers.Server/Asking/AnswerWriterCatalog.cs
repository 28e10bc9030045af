using RagPapers.Answering;

namespace RagPapers.Server.Asking;

/// <summary>
/// The answer writers registered in DI, by name, so a request may pick one ("writer": "extractive"); a writer
/// added by another part of the composition (the LLM writer) shows up here without the server changing.
/// </summary>
public sealed class AnswerWriterCatalog
{
    private readonly Dictionary<string, IAnswerWriter> _byName;

    public AnswerWriterCatalog(IEnumerable<IAnswerWriter> writers, IAnswerWriter defaultWriter)
    {
        Default = defaultWriter;
        _byName = new Dictionary<string, IAnswerWriter>(StringComparer.OrdinalIgnoreCase);
        foreach (var writer in writers.Append(defaultWriter))
        {
            _byName.TryAdd(writer.Name, writer);
        }

        Names = [.. _byName.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>The writer PaperAssistant uses when a request names none.</summary>
    public IAnswerWriter Default { get; }

    public IReadOnlyList<string> Names { get; }

    /// <summary>The writer called <paramref name="name"/> (any case), or the default when <paramref name="name"/> is null.</summary>
    public IAnswerWriter? Find(string? name) => name is null ? Default : _byName.GetValueOrDefault(name);
}
