using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using RagPapers.Cli.Rendering;
using RagPapers.Evaluation;

namespace RagPapers.Cli.Commands;

/// <summary>
/// `ragpapers eval`: indexes a BEIR corpus into a fresh store with the configured ingestion and store, runs every
/// judged query through the configured retriever, writes a TREC run and prints what score_run.py would print for it.
/// Without --store the store is a temporary file, deleted afterwards; a named store must be empty (it is refused
/// otherwise, never cleared: it may be someone's collection).
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var corpus = new Option<string>("--corpus") { Description = "BEIR corpus.jsonl: {\"_id\", \"title\", \"text\"} per line.", Required = true, HelpName = "FILE" };
        var queries = new Option<string>("--queries") { Description = "BEIR queries.jsonl: {\"_id\", \"text\"} per line.", Required = true, HelpName = "FILE" };
        var qrels = new Option<string>("--qrels") { Description = "Relevance judgements: BEIR TSV or TREC qrels; only the queries judged here are run.", Required = true, HelpName = "FILE" };
        var run = new Option<string?>("--run") { Description = "Write the TREC run file here (qid Q0 docid rank score tag).", HelpName = "OUT.tsv" };
        var k = OptionParsers.WholeNumber("--k", "Cut-off of nDCG@k and MRR@k (1-100); Recall is at depth 100.", 1, EvaluationDepth, 10);
        var keywordOnly = new Option<bool>("--no-wait") { Description = "Measure keyword search alone, as users get it before the semantic index completes (no vectors are computed)." };
        var offTopic = new Option<string?>("--offtopic") { Description = "Queries about topics absent from the corpus (queries.jsonl format): measure false refusals and false answers of the \"nothing relevant\" decision.", HelpName = "FILE" };
        var correctSpelling = new Option<bool>("--correct-spelling") { Description = "Correct misspelt query words first, as for users' questions (off by default: the benchmark's queries are searched as written)." };
        var command = new Command("eval", "Measure retrieval on a BEIR benchmark: index the corpus into a fresh store, run the judged queries, print nDCG@k, Recall@100, MRR@k and latency.")
        {
            corpus, queries, qrels, run, k, offTopic, keywordOnly, correctSpelling,
        };
        command.SetAction(async (parse, ct) =>
        {
            var request = new EvaluationRequest(
                Path.GetFullPath(parse.GetValue(corpus)!),
                Path.GetFullPath(parse.GetValue(queries)!),
                Path.GetFullPath(parse.GetValue(qrels)!),
                parse.GetValue(k),
                EvaluationDepth,
                parse.GetValue(offTopic) is { } offTopicPath ? Path.GetFullPath(offTopicPath) : null,
                KeywordOnly: parse.GetValue(keywordOnly),
                CorrectSpelling: parse.GetValue(correctSpelling));
            var runPath = parse.GetValue(run) is { } given ? Path.GetFullPath(given) : null;
            using var scratch = parse.GetValue(GlobalOptions.Store) is null ? new ScratchStore() : null;
            return await CommandRunner.RunAsync(parse, (services, token) => EvaluateAsync(services, request, runPath, token), ct, scratch?.Path);
        });
        return command;
    }

    /// <summary>Papers retrieved per query: Recall@100 needs a run 100 deep.</summary>
    private const int EvaluationDepth = 100;

    private static async Task<int> EvaluateAsync(IServiceProvider services, EvaluationRequest request, string? runPath, CancellationToken cancellationToken)
    {
        Console.Error.WriteLine($"Indexing {request.CorpusPath} into a fresh store...");
        EvaluationReport report;
        try
        {
            report = await services.GetRequiredService<RetrievalEvaluator>().EvaluateAsync(request, cancellationToken);
        }
        catch (EvaluationInputException ex)
        {
            return CommandRunner.Fail(ExitCodes.Failure, ex.Message);
        }

        if (runPath is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(runPath)!);
            await using var writer = new StreamWriter(runPath);
            await report.Run.WriteAsync(writer, RetrievalEvaluator.RunTag, cancellationToken);
        }

        EvalRenderer.Write(Console.Out, Console.Error, report, Path.GetFileName(request.CorpusPath), runPath);
        return ExitCodes.Ok;
    }

    /// <summary>A temporary folder for the store when none is named; removed with everything SQLite put in it.</summary>
    private sealed class ScratchStore : IDisposable
    {
        private readonly string _folder = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ragpapers-eval-" + Guid.NewGuid().ToString("N"))).FullName;

        public string Path => System.IO.Path.Combine(_folder, "eval.db");

        public void Dispose()
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // Still held by a dying process; the OS temp cleaner gets it.
            }
        }
    }
}
