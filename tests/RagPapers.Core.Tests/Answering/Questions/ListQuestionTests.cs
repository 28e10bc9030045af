using RagPapers.Answering.Questions;

namespace RagPapers.Core.Tests.Answering.Questions;

public sealed class ListQuestionTests
{
    [Theory]
    [InlineData("Which papers use contrastive learning for video?")]
    [InlineData("what papers study speaker verification")]
    [InlineData("Which other papers use wav2vec 2.0?")]
    [InlineData("List the papers about masked autoencoders")]
    [InlineData("list all papers on diffusion models")]
    [InlineData("Show me papers on RLHF")]
    [InlineData("find recent papers on knowledge distillation")]
    [InlineData("Are there any papers about knowledge distillation?")]
    [InlineData("are there papers on zeolites?")]
    [InlineData("Do any papers use BERT for retrieval?")]
    [InlineData("How many papers use BERT?")]
    [InlineData("Papers that use wav2vec 2.0")]
    [InlineData("papers about zeolite catalysis?")]
    [InlineData("Any papers on speech synthesis?")]
    [InlineData("Can you list papers on speech?")]
    [InlineData("Please show me the studies about sleep")]
    [InlineData("Which works address long-tail recommendation?")]
    public void IsList_QuestionAskingForPapers_IsTrue(string question)
    {
        Assert.True(ListQuestion.IsList(question));
    }

    [Theory]
    [InlineData("Which method does paper 2 use?")]
    [InlineData("which method does the paper by Hsu use")]
    [InlineData("Which paper introduced HuBERT?")]
    [InlineData("What is the best paper on contrastive learning?")]
    [InlineData("What do the papers say about contrastive learning?")]
    [InlineData("How do masked autoencoders help medical imaging?")]
    [InlineData("which of those uses video?")]
    [InlineData("Which of these papers uses video?")]
    [InlineData("and the second one?")]
    [InlineData("What problems do papers on distillation report?")]
    [InlineData("Summarise the paper about HuBERT")]
    public void IsList_OtherQuestion_IsFalse(string question)
    {
        Assert.False(ListQuestion.IsList(question));
    }
}
