using RagPapers.Answering.Assistant;
using RagPapers.Answering.Contracts;
using RagPapers.Core.Tests.Retrieval;
using RagPapers.Papers;
using TestPapers = RagPapers.Core.Tests.Fakes.TestPapers;

namespace RagPapers.Core.Tests.Answering;

public sealed class PaperReferenceResolverTests
{
    private static readonly Paper Sparse = TestPapers.Make("2308.06534", title: "Sparse Attention for Long Documents", abstractText: "We sparsify attention over long documents.");
    private static readonly Paper Speech = TestPapers.Make("t-1", title: "Contrastive Speech Representations", abstractText: "Speech models learn from contrastive pairs.");

    private static PaperReferenceResolver Create() =>
        new(new FakePaperIndex([TestPapers.Document(Sparse, "x"), TestPapers.Document(Speech, "y")]), FakeRetriever.OverPapers([Sparse, Speech]));

    private static Answer LastAnswerCiting(Paper paper) =>
        new(AnswerStatus.Answered, "text [1]", [new Citation(1, paper.Id, paper.Title, null, "a.txt", "quote", 0.9)], "extractive");

    [Theory]
    [InlineData("2308.06534")]
    [InlineData("arXiv:2308.06534v2")]
    [InlineData(" 2308.06534v1 ")]
    public async Task FindByIdAsync_ArxivIdInAnyWrittenForm_FindsThePaper(string reference)
    {
        var sut = Create();

        var paper = await sut.FindByIdAsync(reference);

        Assert.Equal(Sparse.Id, paper?.Id);
    }

    [Fact]
    public async Task FindByIdAsync_Title_IsNotAnId()
    {
        var sut = Create();

        Assert.Null(await sut.FindByIdAsync("Sparse Attention for Long Documents"));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("[1]")]
    public async Task FindAsync_SourceNumber_IsThatSourceOfTheLastAnswer(string reference)
    {
        var sut = Create();

        var paper = await sut.FindAsync(reference, LastAnswerCiting(Speech));

        Assert.Equal(Speech.Id, paper?.Id);
    }

    [Fact]
    public async Task FindAsync_SourceNumberWithoutALastAnswer_FindsNothing()
    {
        var sut = Create();

        Assert.Null(await sut.FindAsync("1", lastAnswer: null));
    }

    [Theory]
    [InlineData("Contrastive Speech Representations")]
    [InlineData("contrastive speech")]
    public async Task FindAsync_TitleOrPartOfIt_FindsThePaper(string reference)
    {
        var sut = Create();

        var paper = await sut.FindAsync(reference, lastAnswer: null);

        Assert.Equal(Speech.Id, paper?.Id);
    }

    [Fact]
    public async Task FindAsync_NothingLikeIt_FindsNothing()
    {
        var sut = Create();

        Assert.Null(await sut.FindAsync("quantum chromodynamics lattice", lastAnswer: null));
    }
}
