using RagPapers.Answering.Llm;

namespace RagPapers.Core.Tests.Answering.Llm;

public sealed class PromptLibraryTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void Answer_RepositoryPrompt_PlacesSourcesAndQuestionVerbatim()
    {
        var sut = new PromptLibrary(Path.Combine(TestPaths.RepoRoot, "prompts"));

        var rendered = sut.Answer("<source n=\"1\">A</source>", "What is HuBERT?", new DateOnly(2025, 3, 14));

        var template = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "prompts", PromptLibrary.AnswerFile));
        Assert.Equal(template.Replace("{{sources}}", "<source n=\"1\">A</source>").Replace("{{question}}", "What is HuBERT?").Trim(), rendered);
    }

    [Fact]
    public void System_RepositoryPrompt_ShowsTodaysDate()
    {
        var sut = new PromptLibrary(Path.Combine(TestPaths.RepoRoot, "prompts"));

        var rendered = sut.System(new DateOnly(2025, 3, 14));

        Assert.Contains("Today is 2025-03-14.", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", rendered, StringComparison.Ordinal);
    }

    [Fact]
    public void FollowUp_ValueContainingAPlaceholder_IsInsertedNotExpanded()
    {
        Write("system.txt", "S");
        Write("answer.txt", "{{sources}} / {{question}}");
        Write("followup.txt", "{{history}} | {{question}}");
        var sut = new PromptLibrary(_folder.Path);

        var rendered = sut.FollowUp("User: tell me {{question}}", "and {{today}}?", new DateOnly(2025, 1, 2));

        Assert.Equal("User: tell me {{question}} | and {{today}}?", rendered);
    }

    [Fact]
    public void Constructor_UnknownPlaceholder_NamesFileAndLine()
    {
        Write("system.txt", "line one\nline two {{ query }}\n");
        Write("answer.txt", "{{sources}} {{question}}");
        Write("followup.txt", "{{history}} {{question}}");

        var error = Assert.Throws<PromptTemplateException>(() => new PromptLibrary(_folder.Path));

        Assert.Contains(Path.Combine(_folder.Path, "system.txt") + ":2: unknown placeholder {{query}}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_AnswerWithoutSources_SaysWhatItMustContain()
    {
        Write("system.txt", "S");
        Write("answer.txt", "Question: {{question}}");
        Write("followup.txt", "{{history}} {{question}}");

        var error = Assert.Throws<PromptTemplateException>(() => new PromptLibrary(_folder.Path));

        Assert.Contains("answer.txt: the prompt must contain {{sources}}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_MissingFile_NamesItAndTheSetting()
    {
        Write("system.txt", "S");

        var error = Assert.Throws<PromptTemplateException>(() => new PromptLibrary(_folder.Path));

        Assert.Contains("answer.txt is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("Chat:PromptsPath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_UnclosedBraces_Fails()
    {
        Write("system.txt", "Use {{today");
        Write("answer.txt", "{{sources}} {{question}}");
        Write("followup.txt", "{{history}} {{question}}");

        var error = Assert.Throws<PromptTemplateException>(() => new PromptLibrary(_folder.Path));

        Assert.Contains("system.txt: a \"{{\" is not a placeholder", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_folder.Path, name), text);
}
