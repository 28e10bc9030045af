using RagPapers.Discord.Rendering;

namespace RagPapers.Discord.Tests.Rendering;

public sealed class DiscordMarkdownTests
{
    [Theory]
    [InlineData("see [arXiv:2401.00001](https://evil.example) now", "see [arXiv:2401.00001]\\(https://evil.example) now")] // masked link: text, URL visible
    [InlineData("at <t:0:R> ask <@123> in <#456> as <@&789>", "at \\<t:0:R> ask \\<@123> in \\<#456> as \\<@&789>")] // timestamps, mentions, channels, roles
    [InlineData("hi @everyone and @here", "hi \\@everyone and \\@here")]
    [InlineData("f_theta is a*b", "f\\_theta is a\\*b")]
    [InlineData("cites [1] and [2, 3].", "cites [1] and [2, 3].")] // citations stay as they are
    [InlineData("mail a@b.org", "mail a@b.org")]
    public void Escape_PaperText_ShownAsWrittenNeverActedOn(string text, string expected)
    {
        Assert.Equal(expected, DiscordMarkdown.Escape(text));
    }
}
