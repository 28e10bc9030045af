using RagPapers.Papers;
using RagPapers.Text;

namespace RagPapers.Core.Tests.Text;

public sealed class DisplayTextTests
{
    [Theory]
    [InlineData(@"show remarkable performance {\it without} negative pairs", "show remarkable performance without negative pairs")]
    [InlineData(@"conformer-based wav2vec~2.0 and HuBERT", "conformer-based wav2vec 2.0 and HuBERT")]
    [InlineData(@"shows~5\% to~10\% relative WER reduction", "shows 5% to 10% relative WER reduction")]
    [InlineData(@"the temperature {\tau} controls", "the temperature τ controls")]
    [InlineData(@"with $\alpha$ and $\beta_1$", "with α and β_1")]
    [InlineData(@"$\mathcal{B}$-Coder: Value-Based", "B-Coder: Value-Based")]
    [InlineData(@"the model loss is H\""older continuous [Aky\""urek et al.], Fr\'echet", "the model loss is Hölder continuous [Akyürek et al.], Fréchet")]
    [InlineData(@"We present {\sc LegendreTron} as", "We present LegendreTron as")]
    [InlineData(@"representations(semantic \& acoustic)", "representations(semantic & acoustic)")]
    [InlineData(@"tasks. \textcolor[rgb]{1, 0, 0}{Code available at http://x.cn/}.", "tasks. Code available at http://x.cn/.")]
    [InlineData(@"to these samples as ``naive samples''. Then", "to these samples as \u201cnaive samples\u201d. Then")]
    [InlineData(@"maps between R^{C-1} and x^{2}", "maps between R^(C-1) and x^2")]
    [InlineData(@"picks out {naive samples} based on", "picks out naive samples based on")]
    [InlineData(@"Machine learning models -- including zero-shot models --- are", "Machine learning models \u2013 including zero-shot models \u2014 are")]
    [InlineData(@"the GLUE, RACE, and \squad benchmarks", "the GLUE, RACE, and squad benchmarks")]
    public void Clean_LatexMarkup_PlainText(string source, string expected)
    {
        Assert.Equal(expected, DisplayText.Clean(source));
    }

    [Theory]
    [InlineData("data from ~141K participants spanning ~3 years")]
    [InlineData("models with only 1M~60M parameters")]
    [InlineData("pruned by up to 40% ~ 80% without")]
    [InlineData("it costs $5 and $6 a month")]
    [InlineData("a set {1, 2} and the --top option, f'' and blue{https://example.org}")]
    [InlineData("Plain text: nothing to clean.")]
    public void Clean_TextThatOnlyLooksLikeMarkup_Unchanged(string source)
    {
        Assert.Equal(source, DisplayText.Clean(source));
    }

    [Fact]
    public void Clean_CleanedText_Unchanged()
    {
        const string source = @"up to~10\% with {\it no} $\alpha$ and ~3K ``items''";
        var once = DisplayText.Clean(source);

        Assert.Equal(once, DisplayText.Clean(once));
    }

    [Fact]
    public void Locate_CleanedQuote_SpanOfTheMarkupInTheSource()
    {
        const string source = @"Intro. Our model shows~5\% to~10\% relative WER reduction. The end.";
        const string quote = "Our model shows 5% to 10% relative WER reduction.";

        var span = DisplayText.Locate(source, quote);

        Assert.NotNull(span);
        Assert.Equal(@"Our model shows~5\% to~10\% relative WER reduction.", source.Substring(span.Value.Start, span.Value.Length));
    }

    [Fact]
    public void Locate_VerbatimQuote_ItsOwnSpan()
    {
        var span = DisplayText.Locate("one two three", "two");

        Assert.Equal(new SourceSpan(4, 3), span);
    }

    [Fact]
    public void Locate_QuoteNotInTheSource_Null()
    {
        Assert.Null(DisplayText.Locate(@"shows~5\% gains", "shows 6% gains"));
    }

    [Fact]
    public async Task Locate_EveryCleanedSentenceOfTheBundledCollection_MapsBackToItsSource()
    {
        var abstracts = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "data", "papers")))
        {
            await foreach (var result in new DailyPapersTextReader().ReadAsync(file))
            {
                if (result.Paper is { } paper && DisplayText.Clean(paper.Abstract) != paper.Abstract)
                {
                    abstracts.Add(paper.Abstract);
                }
            }
        }

        Assert.True(abstracts.Count >= 20, $"only {abstracts.Count} abstracts with markup");
        foreach (var sentence in abstracts.SelectMany(a => SentenceSplitter.SplitToStrings(a).Select(s => (Abstract: a, Sentence: s))))
        {
            var cleaned = DisplayText.Clean(sentence.Sentence);
            var span = DisplayText.Locate(sentence.Abstract, cleaned);
            Assert.True(span is not null, $"not found: {cleaned}");
            Assert.Equal(cleaned, DisplayText.Clean(sentence.Abstract.Substring(span.Value.Start, span.Value.Length)));
        }
    }
}
