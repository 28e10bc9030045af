using RagPapers.Answering.Contracts;

namespace RagPapers.Core.Tests.Answering.Contracts;

public sealed class NoEvidenceAnswerTests
{
    [Theory]
    [InlineData("What is quantum gravity?", "what is quantum gravity")]
    [InlineData("  BERT   for graphs ?? ", "BERT for graphs")]
    [InlineData("protein folding", "protein folding")]
    public void Topic_Question_ReadsAsATopic(string question, string expected)
    {
        Assert.Equal(expected, NoEvidenceAnswer.Topic(question));
    }

    [Fact]
    public void Topic_LongQuestion_CutAtAWordWithEllipsis()
    {
        var question = string.Join(' ', Enumerable.Repeat("lattice", 30)) + "?";

        var topic = NoEvidenceAnswer.Topic(question);

        Assert.EndsWith("lattice\u2026", topic, StringComparison.Ordinal);
        Assert.True(topic.Length <= 101, topic);
    }

    [Fact]
    public void Create_QuestionOfPunctuationOnly_SaysNothingFoundAboutThat()
    {
        var sut = NoEvidenceAnswer.Create("???", "extractive");

        Assert.Equal(AnswerStatus.NoEvidence, sut.Status);
        Assert.Equal("I found nothing in the collection about that.", sut.Text);
        Assert.Empty(sut.Citations);
        Assert.Equal("extractive", sut.Writer);
    }
}
