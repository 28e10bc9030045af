using System.Globalization;
using System.Text.RegularExpressions;

namespace RagPapers.Reliability;

/// <summary>
/// kill -9 while a store is re-embedded in place: opened with another embedder (the hashed embedder at 256
/// dimensions over a store built at 512, which is cheap and tells the two apart by vector length), or told to
/// with `reindex --embeddings`. After the kill the store must hold only whole batches of new vectors and none
/// of the old embedder's beside them; the next command must resume from the vectors kept (not from zero),
/// finish, and search.
/// </summary>
internal static partial class ReembedScenarios
{
    private const int Papers = 3_000;
    private const int BatchSize = 4;
    private const int NewDimensions = 256;
    private const string SearchQuery = "graph attention";
    private static readonly Lazy<Task<string>> Template = new(BuildTemplateAsync);

    private static readonly Dictionary<string, string> NewEmbedder = new()
    {
        ["RAGPAPERS_Embeddings__Provider"] = "Local",
        ["RAGPAPERS_Embeddings__Dimensions"] = NewDimensions.ToString(CultureInfo.InvariantCulture),
        ["RAGPAPERS_Embeddings__BatchSize"] = BatchSize.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>A search over a store built with another embedder: the switch, killed while it re-embeds; the same search resumes.</summary>
    public static KillScenario Switch { get; } = new("re-embed (switch)", PrepareAsync(store => ["search", SearchQuery, "--top", "3", "--store", store]), Writing, AfterKill, AfterResume)
    {
        Environment = NewEmbedder,
        Progress = Embedded,
    };

    /// <summary>`reindex --embeddings`, killed while it re-embeds; a search resumes it (running reindex again would restart on purpose).</summary>
    public static KillScenario Reindex { get; } = new("re-embed (reindex)", PrepareAsync(store => ["reindex", "--embeddings", "--store", store]), Writing, AfterKill, AfterResume)
    {
        Environment = NewEmbedder,
        Progress = Embedded,
        ResumeArguments = args => ["search", SearchQuery, "--top", "3", "--store", args[^1]],
    };

    private static long NewVectorBytes => NewDimensions * sizeof(float);

    private static Func<string, Task<string[]>> PrepareAsync(Func<string, string[]> command) => async folder =>
    {
        var store = Path.Combine(folder, "store.db");
        File.Copy(await Template.Value, store);
        return command(store);
    };

    private static bool Writing(string store) => Store.TryScalar(store, $"SELECT count(*) FROM chunks WHERE length(vector) = {NewVectorBytes}") > 0;

    private static long Embedded(string store) => Store.Scalar(store, "SELECT count(*) FROM chunks WHERE vector IS NOT NULL");

    private static long Chunks(string store) => Store.Scalar(store, "SELECT count(*) FROM chunks");

    private static string? AfterKill(string store)
    {
        var dimensions = Store.Scalar(store, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'dimensions'");
        var mixed = Store.Scalar(store, $"SELECT count(*) FROM chunks WHERE vector IS NOT NULL AND length(vector) <> {NewVectorBytes}");
        var embedded = Embedded(store);
        return dimensions != NewDimensions ? $"the store says {dimensions} dimensions after new vectors were written"
            : mixed > 0 ? $"{mixed} vectors of the old embedder beside {embedded - mixed} new ones"
            : embedded % BatchSize != 0 && embedded != Chunks(store) ? $"{embedded} vectors: not whole batches of {BatchSize}"
            : null;
    }

    private static string? AfterResume(ResumedRun run)
    {
        var (chunks, embedded) = (Chunks(run.Store), Embedded(run.Store));
        var wrong = Store.Scalar(run.Store, $"SELECT count(*) FROM chunks WHERE vector IS NOT NULL AND length(vector) <> {NewVectorBytes}");
        var remaining = Computing().Match(run.StandardError) is { Success: true } m ? long.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) : 0;
        return embedded != chunks ? $"{embedded} of {chunks} chunks have a vector after resume"
            : wrong > 0 ? $"{wrong} vectors of the wrong length after resume"
            : remaining != chunks - run.ProgressAfterKill ? $"the resumed run computed {remaining} vectors, not the {chunks - run.ProgressAfterKill} the kill left (restarted?)"
            : !run.StandardOutput.Contains("1. Synthetic paper", StringComparison.Ordinal) ? "the search after resume found nothing: " + run.StandardOutput
            : null;
    }

    private static async Task<string> BuildTemplateAsync()
    {
        var folder = Repo.TempFolder("reembed-template");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Repo.Delete(folder);
        var collection = Path.Combine(folder, "papers.jsonl");
        var store = Path.Combine(folder, "store.db");
        await Synthetic.WriteAsync(collection, Papers);
        var built = await ChildProcess.RunCliAsync(["ingest", collection, "--store", store], TimeSpan.FromMinutes(10), new Dictionary<string, string> { ["RAGPAPERS_Embeddings__Provider"] = "Local" });
        if (built.ExitCode != 0 || Store.Scalar(store, "SELECT count(*) FROM chunks WHERE length(vector) = 2048") != Chunks(store))
        {
            throw new InvalidOperationException("building the 512-dimension store for the re-embed scenarios failed: " + built.StandardError);
        }

        // One file, no WAL beside it, so a copy is the whole store.
        Store.Scalar(store, "PRAGMA wal_checkpoint(TRUNCATE)");
        return store;
    }

    [GeneratedRegex(@"computing the vectors of (?<n>\d+) chunks")]
    private static partial Regex Computing();
}
