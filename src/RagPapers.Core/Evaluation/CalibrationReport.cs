namespace RagPapers.Evaluation;

/// <summary>
/// The "nothing relevant" decision measured: the best relevance the retriever gave each on-topic (judged) and
/// each off-topic query, on the path users take (configured TopK, MMR on). A query gets an answer when its best
/// relevance reaches the threshold, so the two error rates at any threshold follow from these values.
/// </summary>
/// <param name="Threshold">The configured threshold: Retrieval:MinRelevance, or Retrieval:KeywordOnlyMinRelevance for keyword search alone.</param>
/// <param name="Setting">The setting that holds <paramref name="Threshold"/>.</param>
public sealed record CalibrationReport(double Threshold, IReadOnlyList<double> OnTopicBest, IReadOnlyList<double> OffTopicBest, string Setting = "Retrieval:MinRelevance")
{
    /// <summary>Share of on-topic queries refused ("found nothing") at <paramref name="threshold"/>.</summary>
    public double FalseRefusalRate(double threshold) => Rate(OnTopicBest, best => best < threshold);

    /// <summary>Share of off-topic queries answered at <paramref name="threshold"/>.</summary>
    public double FalseAnswerRate(double threshold) => Rate(OffTopicBest, best => best >= threshold);

    public int FalseRefusals(double threshold) => OnTopicBest.Count(best => best < threshold);

    public int FalseAnswers(double threshold) => OffTopicBest.Count(best => best >= threshold);

    private static double Rate(IReadOnlyList<double> values, Func<double, bool> error) =>
        values.Count == 0 ? 0 : (double)values.Count(error) / values.Count;
}
