using System.Text.Json;
using RagPapers.Answering.Contracts;

namespace RagPapers.Core.Tests.Answering.Contracts;

public sealed class AnswerJsonTests
{
    private static readonly Citation Citation = new(1, "2406.01234", "A \u201cquoted\u201d title", new DateOnly(2024, 6, 3), "001_f645a1f8c653ec23.txt", "the verbatim passage", 0.87);

    private static readonly Answer Answered = new(AnswerStatus.Answered, "Text with a claim [1]", [Citation], "extractive");

    [Fact]
    public void Serialize_AnsweredAnswer_HasExactlyTheContractsShape()
    {
        using var json = JsonDocument.Parse(AnswerJson.Serialize(Answered));

        var root = json.RootElement;
        Assert.Equal(["status", "answer", "citations", "writer", "notice"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("answered", root.GetProperty("status").GetString());
        Assert.Equal("Text with a claim [1]", root.GetProperty("answer").GetString());
        Assert.Equal("extractive", root.GetProperty("writer").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("notice").ValueKind);
        var citation = Assert.Single(root.GetProperty("citations").EnumerateArray().ToArray());
        Assert.Equal(["n", "paperId", "title", "date", "source", "quote", "score"], citation.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, citation.GetProperty("n").GetInt32());
        Assert.Equal("2406.01234", citation.GetProperty("paperId").GetString());
        Assert.Equal("A \u201cquoted\u201d title", citation.GetProperty("title").GetString());
        Assert.Equal("2024-06-03", citation.GetProperty("date").GetString());
        Assert.Equal("001_f645a1f8c653ec23.txt", citation.GetProperty("source").GetString());
        Assert.Equal("the verbatim passage", citation.GetProperty("quote").GetString());
        Assert.Equal(0.87, citation.GetProperty("score").GetDouble());
    }

    [Theory]
    [InlineData(AnswerStatus.Answered, "answered")]
    [InlineData(AnswerStatus.NoEvidence, "no_evidence")]
    [InlineData(AnswerStatus.Cancelled, "cancelled")]
    public void Serialize_Status_IsSnakeCase(AnswerStatus status, string expected)
    {
        using var json = JsonDocument.Parse(AnswerJson.Serialize(new Answer(status, "x", [], "extractive")));

        Assert.Equal(expected, json.RootElement.GetProperty("status").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("citations").GetArrayLength());
    }

    [Fact]
    public void Serialize_UnknownDateAndANotice_WritesNullDateAndTheNotice()
    {
        var answer = Answered with { Citations = [Citation with { Date = null }], Notice = "LLM unreachable; showing the extractive answer" };

        using var json = JsonDocument.Parse(AnswerJson.Serialize(answer));

        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("citations")[0].GetProperty("date").ValueKind);
        Assert.Equal("LLM unreachable; showing the extractive answer", json.RootElement.GetProperty("notice").GetString());
    }

    [Fact]
    public void Serialize_Score_RoundedToThreeDecimals()
    {
        var answer = Answered with { Citations = [Citation with { Score = 0.87654321 }] };

        using var json = JsonDocument.Parse(AnswerJson.Serialize(answer));

        Assert.Equal(0.877, json.RootElement.GetProperty("citations")[0].GetProperty("score").GetDouble());
    }

    [Fact]
    public void Serialize_Indentation_FollowsTheFlag()
    {
        Assert.Contains('\n', AnswerJson.Serialize(Answered));
        Assert.DoesNotContain('\n', AnswerJson.Serialize(Answered, indented: false));
    }

    [Fact]
    public void Serialize_TypographicPunctuation_WrittenAsIs()
    {
        Assert.Contains("A \u201cquoted\u201d title", AnswerJson.Serialize(Answered), StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_CorrectedQuestion_AddsSearchedForLast()
    {
        var answer = Answered with { SearchedFor = "contrastive learning for speech representations" };

        using var json = JsonDocument.Parse(AnswerJson.Serialize(answer));

        Assert.Equal(["status", "answer", "citations", "writer", "notice", "searchedFor"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("contrastive learning for speech representations", json.RootElement.GetProperty("searchedFor").GetString());
    }
}
