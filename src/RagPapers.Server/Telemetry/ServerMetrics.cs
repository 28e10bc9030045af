using System.Diagnostics;
using System.Diagnostics.Metrics;
using RagPapers.Answering.Contracts;

namespace RagPapers.Server.Telemetry;

/// <summary>
/// The server's own instruments, beside ASP.NET Core's request count and latency (http.server.request.duration):
/// retrieval and answer timings, answers by status, refusals (no evidence), and problem responses by reason.
/// </summary>
public sealed class ServerMetrics
{
    public const string MeterName = "RagPapers.Server";

    private readonly Histogram<double> _retrieval;
    private readonly Histogram<double> _answer;
    private readonly Histogram<double> _ask;
    private readonly Counter<long> _answers;
    private readonly Counter<long> _refusals;
    private readonly Counter<long> _problems;
    private readonly Histogram<double> _search;

    public ServerMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _retrieval = meter.CreateHistogram<double>("ragpapers.retrieval.duration", "ms", "Time to retrieve the evidence of an answer.");
        _answer = meter.CreateHistogram<double>("ragpapers.answer.duration", "ms", "Time the answer writer took.");
        _ask = meter.CreateHistogram<double>("ragpapers.ask.duration", "ms", "Time of a whole ask, from conversation to answer.");
        _search = meter.CreateHistogram<double>("ragpapers.search.duration", "ms", "Time of a search request's retrieval.");
        _answers = meter.CreateCounter<long>("ragpapers.answers", "{answer}", "Answers by status (answered, no_evidence, cancelled) and writer.");
        _refusals = meter.CreateCounter<long>("ragpapers.refusals", "{answer}", "Answers that said the collection holds nothing on the question.");
        _problems = meter.CreateCounter<long>("ragpapers.problems", "{response}", "Requests answered with a problem (RFC 9457), by reason and status code.");
    }

    public void RecordAnswer(Answer answer, TimeSpan retrieval, TimeSpan writing, TimeSpan total)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var status = AnswerDto.StatusName(answer.Status);
        var tags = new TagList { { "status", status }, { "writer", answer.Writer } };
        _answers.Add(1, tags);
        _ask.Record(total.TotalMilliseconds, tags);
        if (answer.Status == AnswerStatus.Cancelled)
        {
            return; // partial timings of a cancelled answer would skew the retrieval and writer histograms
        }

        _retrieval.Record(retrieval.TotalMilliseconds);
        _answer.Record(writing.TotalMilliseconds, new KeyValuePair<string, object?>("writer", answer.Writer));
        if (answer.Status == AnswerStatus.NoEvidence)
        {
            _refusals.Add(1, new KeyValuePair<string, object?>("writer", answer.Writer));
        }
    }

    public void RecordSearch(TimeSpan elapsed) => _search.Record(elapsed.TotalMilliseconds);

    /// <summary>A request answered with a problem (RFC 9457), counted by reason and status code.</summary>
    public void RecordProblem(int statusCode) =>
        _problems.Add(1, new TagList { { "reason", Reason(statusCode) }, { "status_code", statusCode } });

    private static string Reason(int statusCode) => statusCode switch
    {
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        413 => "too_large",
        429 => "rate_limited",
        503 => "unavailable",
        504 => "timeout",
        >= 500 => "error",
        _ => "invalid",
    };
}
