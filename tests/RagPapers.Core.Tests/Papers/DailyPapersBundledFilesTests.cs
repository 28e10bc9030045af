using RagPapers.Papers;

namespace RagPapers.Core.Tests.Papers;

/// <summary>The daily-papers reader on the five real dumps bundled in data/papers.</summary>
public sealed class DailyPapersBundledFilesTests
{
    private static readonly string[] Files =
    [
        "000_709504441228b74f.txt", "001_f645a1f8c653ec23.txt", "002_893d560ff15acc3f.txt", "003_ae58608945dafd17.txt", "004_ba115c0ae7068aa6.txt",
    ];

    private static readonly string[] ChromeText =
    [
        "Get trending papers", "Subscribe", "byAK and the research community", "Daily Papers", "authors", "·",
    ];

    // Counted independently of the reader: every paper has exactly one abstract, and in these dumps every abstract is
    // a line of at least 300 characters while every title, chrome and metadata line is shorter (longest title: 159,
    // shortest abstract: 475). So `awk 'length >= 300' FILE | wc -l` counts the papers. Cross-checked with a script
    // that drops blank, chrome, "• N authors", "·" and date lines and finds the rest strictly alternating title,
    // abstract (274 + 120 + 45 + 49 + 69 = 557 pairs).
    [Theory]
    [InlineData("000_709504441228b74f.txt", 274)]
    [InlineData("001_f645a1f8c653ec23.txt", 120)]
    [InlineData("002_893d560ff15acc3f.txt", 45)]
    [InlineData("003_ae58608945dafd17.txt", 49)]
    [InlineData("004_ba115c0ae7068aa6.txt", 69)]
    public async Task ReadAsync_BundledFile_ReadsEveryPaperWithoutDiagnostics(string file, int expected)
    {
        var results = await ReadAsync(file);

        Assert.Empty(results.Where(r => r.Skipped is not null).Select(r => r.Skipped!.ToString()));
        Assert.Equal(expected, results.Count);
        Assert.All(results, r => Assert.Equal(file, r.Paper!.Source));
    }

    [Theory]
    [InlineData("000_709504441228b74f.txt", "Provably Mitigating Overoptimization in RLHF: Your SFT Loss is Implicitly an Adversarial Regularizer", "Aligning generative models with human preference via RLHF", "Machine Learning with a Reject Option: A survey", "rejection relates to other machine learning research areas.")]
    [InlineData("001_f645a1f8c653ec23.txt", "UniFormerV2: Spatiotemporal Learning by Arming Image ViTs with Video UniFormer", "Learning discriminative spatiotemporal representation", "Characterizing Mechanisms for Factual Recall in Language Models", "might control model behavior dynamically at runtime.")]
    [InlineData("002_893d560ff15acc3f.txt", "Self-Supervised Pre-Training with Contrastive and Masked Autoencoder Methods for Dealing with Small Datasets in Deep Learning for Medical Imaging", "Deep learning in medical imaging has the potential", "SCGC : Self-Supervised Contrastive Graph Clustering", "Our code is available at : https://github.com/gayanku/SCGC")]
    [InlineData("003_ae58608945dafd17.txt", "EmerNeRF: Emergent Spatial-Temporal Scene Decomposition via Self-Supervision", "We present EmerNeRF, a simple yet powerful approach", "Fast Certified Robust Training with Short Warmup", "github.com/shizhouxing/Fast-Certified-Robust-Training.")]
    [InlineData("004_ba115c0ae7068aa6.txt", "SelfPose3d: Self-Supervised Multi-Person Multi-View 3d Pose Estimation", "We present a new self-supervised approach, SelfPose3d,", "Zero-shot and Few-shot Learning with Knowledge Graphs: A Comprehensive Survey", "open problems from different perspectives.")]
    public async Task ReadAsync_BundledFile_FirstAndLastPapersIntact(string file, string firstTitle, string firstAbstractStart, string lastTitle, string lastAbstractEnd)
    {
        var papers = (await ReadAsync(file)).Select(r => r.Paper!).ToList();

        Assert.Equal(firstTitle, papers[0].Title);
        Assert.StartsWith(firstAbstractStart, papers[0].Abstract, StringComparison.Ordinal);
        Assert.Equal(lastTitle, papers[^1].Title);
        Assert.EndsWith(lastAbstractEnd, papers[^1].Abstract, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_AllBundledFiles_NoChromeLeaksIntoTitlesOrAbstracts()
    {
        var papers = new List<Paper>();
        foreach (var file in Files)
        {
            papers.AddRange((await ReadAsync(file)).Select(r => r.Paper!));
        }

        Assert.Equal(557, papers.Count);
        Assert.All(papers, paper =>
        {
            Assert.DoesNotContain(ChromeText, chrome => paper.Title.Contains(chrome, StringComparison.Ordinal));
            Assert.NotEqual("new", paper.Title);
            Assert.DoesNotMatch(@"^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d", paper.Title);
            Assert.InRange(paper.Title.Length, 6, 200);
            Assert.True(paper.Abstract.Length >= 450, $"{paper.Source}: abstract of \"{paper.Title}\" is only {paper.Abstract.Length} characters");
            Assert.DoesNotContain("Get trending papers", paper.Abstract, StringComparison.Ordinal);
            Assert.DoesNotContain("byAK", paper.Abstract, StringComparison.Ordinal);
            Assert.Equal(PaperIds.FromTitle(paper.Title), paper.Id);
            Assert.Empty(paper.Authors);
            Assert.Null(paper.ArxivId);
        });
    }

    [Fact]
    public async Task ReadAsync_AllBundledFiles_DuplicatesAcrossFilesShareIds()
    {
        var ids = new List<string>();
        foreach (var file in Files)
        {
            ids.AddRange((await ReadAsync(file)).Select(r => r.Paper!.Id));
        }

        // 557 papers, 41 of them repeats of a paper bundled in another file (or twice in one): 516 distinct ids.
        Assert.Equal(516, ids.Distinct().Count());
    }

    [Fact]
    public async Task ReadAsync_MetadataDates_WithYearBecomePublishedAndWithoutYearStayUnknown()
    {
        var papers = (await ReadAsync("002_893d560ff15acc3f.txt")).Select(r => r.Paper!).ToList();

        Assert.Equal(new DateOnly(2023, 8, 12), papers[0].Published); // "Aug 12, 2023"
        Assert.Equal(new DateOnly(2021, 2, 12), Find(papers, "Understanding self-supervised Learning Dynamics without Contrastive Pairs").Published); // "Feb 12, 2021 1"
        Assert.Null(Find(papers, "Decoupling Contrastive Decoding: Robust Hallucination Mitigation in Multimodal Large Language Models").Published); // "Apr 8"
        Assert.Equal(new DateOnly(2022, 4, 26), papers[^1].Published);
        // 44 papers carry metadata, 38 of them a date with a year; one paper ("Improving Contrastive Learning for
        // Referring Expression Counting") has no metadata at all.
        Assert.Equal(38, papers.Count(p => p.Published is not null));
    }

    [Fact]
    public async Task ReadAsync_PageDateOnly_PublishedUnknown()
    {
        var papers = (await ReadAsync("001_f645a1f8c653ec23.txt")).Select(r => r.Paper!);

        Assert.All(papers, paper => Assert.Null(paper.Published)); // the file's only date is the page's "Mar 17"
    }

    [Theory]
    [InlineData("000_709504441228b74f.txt", "Contrastive Learning for Online Semi-Supervised General Continual Learning", 535)]
    [InlineData("000_709504441228b74f.txt", "SuSana Distancia is all you need: Enforcing class separability in metric learning via two novel distance-based loss functions for few-shot image classification", -1)]
    [InlineData("004_ba115c0ae7068aa6.txt", "DINOv3", -1)]
    public async Task ReadAsync_OddEntries_ReadIntact(string file, string title, int abstractLength)
    {
        var paper = Find((await ReadAsync(file)).Select(r => r.Paper!).ToList(), title);

        Assert.True(paper.Abstract.Length > 300);
        Assert.True(abstractLength < 0 || paper.Abstract.Length == abstractLength);
    }

    [Fact]
    public void CanRead_BundledFileHeads_True()
    {
        var sut = new DailyPapersTextReader();

        Assert.All(Files, file =>
        {
            var path = Path.Combine(TestPaths.PapersDir, file);
            var text = File.ReadAllText(path);
            Assert.True(sut.CanRead(path, text[..Math.Min(text.Length, 8192)]));
        });
    }

    private static Paper Find(List<Paper> papers, string title) => Assert.Single(papers, p => p.Title == title);

    private static async Task<List<ReadResult>> ReadAsync(string file) =>
        await new DailyPapersTextReader().ReadAsync(Path.Combine(TestPaths.PapersDir, file)).ToListAsync();
}
