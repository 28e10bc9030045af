using RagPapers.Answering.Contracts;

namespace RagPapers.Answering.Assistant;

/// <summary>The answer writers this configuration offers, by name, and the one used when the caller names none.</summary>
/// <remarks>
/// Why not the container's keyed services: what users need from this is what keyed services lack. The names are listed
/// to them (REPL /writer, the "not available" errors of --writer and the HTTP writer field), and the container has no
/// way to list keys (GetKeyedServices with AnyKey builds every writer and returns no key); names are matched as typed
/// ("LLM"), while keys are compared exactly; and "llm" is offered, and is the default, only when the validated Chat
/// options say so, which is known when the provider is built, not when services are registered. A keyed registration of
/// the LLM writer would have to exist always and fail or return null when Chat is off, and the assistant would look
/// writers up through the provider. So the writers stay plain IAnswerWriter registrations gathered here once.
/// </remarks>
public sealed class AnswerWriters
{
    private readonly Dictionary<string, IAnswerWriter> _byName;

    /// <exception cref="ArgumentException">No writer is named <paramref name="defaultName"/>.</exception>
    public AnswerWriters(IEnumerable<IAnswerWriter> writers, string defaultName)
    {
        ArgumentNullException.ThrowIfNull(writers);
        _byName = new Dictionary<string, IAnswerWriter>(StringComparer.OrdinalIgnoreCase);
        foreach (var writer in writers)
        {
            _byName[writer.Name] = writer; // a later registration of a name replaces the earlier one
        }

        Names = [.. _byName.Keys.Order(StringComparer.Ordinal)];
        Default = _byName.TryGetValue(defaultName, out var found)
            ? found
            : throw new ArgumentException($"No answer writer is named '{defaultName}'; available: {string.Join(", ", Names)}.", nameof(defaultName));
    }

    public IAnswerWriter Default { get; }

    public IReadOnlyList<string> Names { get; }

    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>The writer named <paramref name="name"/>, or the default for null.</summary>
    /// <exception cref="ArgumentException">No writer has that name; the message lists the available ones and how to enable the LLM.</exception>
    public IAnswerWriter Get(string? name)
    {
        if (name is null)
        {
            return Default;
        }

        return _byName.TryGetValue(name, out var writer) ? writer : throw new ArgumentException(Unavailable(name), nameof(name));
    }

    /// <summary>Why <paramref name="name"/> cannot be used, with the available names and how to enable the LLM.</summary>
    public string Unavailable(string name)
    {
        var hint = string.Equals(name, "llm", StringComparison.OrdinalIgnoreCase)
            ? " The llm writer needs Chat:Provider \"OpenAI\" with Chat:Endpoint and Chat:Model (see the README)."
            : "";
        return $"The answer writer '{name}' is not available; available: {string.Join(", ", Names)}.{hint}";
    }
}
