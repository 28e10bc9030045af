using ArchUnitNET.Loader;

namespace RagPapers.Architecture.Tests;

/// <summary>
/// Which RagPapers namespace uses which, read from the compiled assemblies (every type a type's members,
/// signatures and bodies refer to), so a dependency through the parent namespace's implicit scope counts too.
/// </summary>
internal sealed class NamespaceGraph
{
    private readonly Dictionary<string, HashSet<string>> _uses = new(StringComparer.Ordinal);
    private readonly Dictionary<(string From, string To), string> _examples = [];

    private NamespaceGraph()
    {
    }

    public IReadOnlyCollection<string> Namespaces => _uses.Keys;

    public static NamespaceGraph Load(params System.Reflection.Assembly[] assemblies)
    {
        var architecture = new ArchLoader().LoadAssemblies(assemblies).Build();
        var graph = new NamespaceGraph();
        foreach (var type in architecture.Types.Where(t => IsOurs(NamespaceOf(t))))
        {
            var from = NamespaceOf(type);
            graph.Add(from);
            foreach (var target in type.Dependencies.Select(d => d.Target).Where(t => IsOurs(NamespaceOf(t))))
            {
                graph.Add(from, NamespaceOf(target), $"{type.FullName} uses {target.FullName}");
            }
        }

        return graph;
    }

    public IEnumerable<string> Uses(string ns) => _uses.TryGetValue(ns, out var targets) ? targets : [];

    public string Example(string from, string to) => _examples[(from, to)];

    /// <summary>The strongly connected groups of more than one namespace (Tarjan), each with one edge that closes it.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var cycles = new List<IReadOnlyList<string>>();
        foreach (var ns in _uses.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(ns))
            {
                Visit(ns);
            }
        }

        return cycles;

        void Visit(string ns)
        {
            index[ns] = low[ns] = index.Count;
            stack.Push(ns);
            onStack.Add(ns);
            foreach (var next in Uses(ns))
            {
                if (!index.TryGetValue(next, out var seen))
                {
                    Visit(next);
                    low[ns] = Math.Min(low[ns], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[ns] = Math.Min(low[ns], seen);
                }
            }

            if (low[ns] == index[ns])
            {
                var group = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    group.Add(member);
                }
                while (member != ns);
                if (group.Count > 1)
                {
                    cycles.Add([.. group.Order(StringComparer.Ordinal)]);
                }
            }
        }
    }

    // Generic parameters and types of the global namespace have none.
    private static string NamespaceOf(ArchUnitNET.Domain.IType type) => type.Namespace?.FullName ?? "";

    // Source generators ([LoggerMessage], [OptionsValidator], JSON contexts) put helpers in their own namespaces.
    private static bool IsOurs(string ns) => ns.StartsWith("RagPapers", StringComparison.Ordinal);

    private void Add(string ns)
    {
        if (!_uses.ContainsKey(ns))
        {
            _uses[ns] = new HashSet<string>(StringComparer.Ordinal);
        }
    }

    private void Add(string from, string to, string example)
    {
        Add(to);
        if (from != to && _uses[from].Add(to))
        {
            _examples[(from, to)] = example;
        }
    }
}
