using System.Text.RegularExpressions;
using RagPapers.Answering.Contracts;
using RagPapers.Papers;

namespace RagPapers.Core.Tests.Answering;

/// <summary>The answer contract's citation rules, checked on any answered <see cref="Answer"/>.</summary>
internal static partial class CitationChecks
{
    /// <summary>Every [n] has a citation, every citation is cited, numbers run 1..k in order of first use, and citations name only evidence papers.</summary>
    public static void AssertCitationsConsistent(Answer answer, IEnumerable<Paper> evidence)
    {
        var used = Marker().Matches(answer.Text).Select(m => int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var firstUse = used.Distinct().ToArray();
        Assert.Equal(Enumerable.Range(1, answer.Citations.Count), firstUse);
        Assert.Equal(Enumerable.Range(1, answer.Citations.Count), answer.Citations.Select(c => c.N));
        var evidenceIds = evidence.Select(p => p.Id).ToHashSet();
        Assert.All(answer.Citations, c => Assert.Contains(c.PaperId, evidenceIds));
        Assert.Equal(answer.Citations.Count, answer.Citations.Select(c => c.PaperId).Distinct().Count());
    }

    /// <summary>Each quote is a verbatim substring of its paper's abstract.</summary>
    public static void AssertQuotesVerbatim(Answer answer, IEnumerable<Paper> evidence)
    {
        var byId = evidence.ToDictionary(p => p.Id);
        Assert.All(answer.Citations, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Quote));
            Assert.Contains(c.Quote, byId[c.PaperId].Abstract, StringComparison.Ordinal);
        });
    }

    /// <summary>
    /// Each line is "label — " followed by sentences each ending in [n]; every sentence is text of the abstract of the
    /// paper its [n] cites (verbatim, or as DisplayText shows it and maps back), so no sentence of the answer goes uncited.
    /// </summary>
    public static void AssertEverySentenceCited(Answer answer, IEnumerable<Paper> evidence)
    {
        var byId = evidence.ToDictionary(p => p.Id);
        foreach (var line in answer.Text.Split('\n'))
        {
            var dash = line.IndexOf(" \u2014 ", StringComparison.Ordinal);
            Assert.True(dash > 0, $"No label in: {line}");
            var body = line[(dash + 3)..];
            Assert.Matches(@"\[\d+\]$", body);
            foreach (Match claim in Claim().Matches(body))
            {
                var citation = answer.Citations.Single(c => c.N == int.Parse(claim.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture));
                Assert.True(
                    RagPapers.Text.DisplayText.Locate(byId[citation.PaperId].Abstract, claim.Groups["sentence"].Value) is not null,
                    $"Not in the abstract of {citation.PaperId}: {claim.Groups["sentence"].Value}");
            }

            Assert.Equal(body.Length, Claim().Matches(body).Sum(m => m.Length) + Claim().Count(body) - 1);
        }
    }

    [GeneratedRegex(@"\[(?<n>\d+)\]")]
    private static partial Regex Marker();

    [GeneratedRegex(@"(?<sentence>[^\[\]\s][^\[\]]*?) \[(?<n>\d+)\]")]
    private static partial Regex Claim();
}
