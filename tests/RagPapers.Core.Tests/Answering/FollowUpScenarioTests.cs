using RagPapers.Answering.Assistant;
using RagPapers.Answering.Contracts;
using RagPapers.Answering.Extractive;
using RagPapers.Answering.FollowUps;
using RagPapers.Answering.Questions;

namespace RagPapers.Core.Tests.Answering;

/// <summary>Follow-ups and record questions on the real bundled collection, as a user typed them (issue 16).</summary>
[Collection(BundledCollectionGroup.Name)]
public sealed class FollowUpScenarioTests(BundledCollection collection)
{
    [Fact]
    public async Task AskAsync_QuestionNamingAPaperAfterAnotherTopic_AnswersAboutTheNamedPaper()
    {
        var sut = collection.Get<PaperAssistant>();
        var conversation = new Conversation();
        await sut.AskAsync("How does knowledge distillation compress language models?", conversation);

        var answer = await sut.AskAsync("Who are the authors of HuBERT and when was it published?", conversation);

        Assert.Equal(AnswerStatus.Answered, answer.Status);
        var cited = Assert.Single(answer.Citations);
        Assert.StartsWith("HuBERT:", cited.Title, StringComparison.Ordinal);
        Assert.Contains("no author data", answer.Text, StringComparison.Ordinal);
        Assert.Contains(MetadataAnswer.WhatIsRecorded, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskAsync_WhichOfThose_CitesOnlyThePreviousAnswersSourcesOrSaysNoneFits()
    {
        var sut = collection.Get<PaperAssistant>();
        var conversation = new Conversation();
        var first = await sut.AskAsync("Which papers use contrastive learning for video?", conversation);
        var shown = first.Citations.Select(c => c.PaperId).ToHashSet();

        var audio = await sut.AskAsync("which of those uses audio?", conversation);

        // A list question: every relevant paper is cited, and "those" are exactly them.
        Assert.InRange(shown.Count, 3, 10);
        Assert.All(audio.Citations, c => Assert.Contains(c.PaperId, shown));
        if (audio.Status == AnswerStatus.NoEvidence)
        {
            Assert.StartsWith($"None of the {shown.Count} sources of the previous answer", audio.Text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Which venue was HuBERT published in?", "no venue data")]
    [InlineData("How many citations does HuBERT have?", "no citation counts")]
    public async Task AskAsync_FieldTheCollectionLacks_SaysSoAndWhatItRecords(string question, string expected)
    {
        var answer = await collection.Get<PaperAssistant>().AskAsync(question, new Conversation());

        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
        Assert.Contains(MetadataAnswer.WhatIsRecorded, answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Who wrote HuBERT?", MetadataField.Authors)]
    [InlineData("When was wav2vec 2.0 published?", MetadataField.Date)]
    [InlineData("Which conference was BYOL presented at?", MetadataField.Venue)]
    [InlineData("How often is BERT cited?", MetadataField.Citations)]
    [InlineData("Which papers predict citation counts of papers?", MetadataField.None)]
    [InlineData("How do masked autoencoders help medical imaging?", MetadataField.None)]
    [InlineData("Which papers were written about speech in 2023?", MetadataField.None)]
    public void Fields_Question_RecordFieldsAskedFor(string question, MetadataField expected)
    {
        Assert.Equal(expected, MetadataQuestion.Fields(question));
    }
}
