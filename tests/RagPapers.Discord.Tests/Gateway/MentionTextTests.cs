using RagPapers.Discord.Gateway;

namespace RagPapers.Discord.Tests.Gateway;

public sealed class MentionTextTests
{
    private const string Bot = "444";

    [Theory]
    [InlineData("<@444> how do MAEs work?", "how do MAEs work?")]
    [InlineData("how do <@!444>  MAEs\nwork?", "how do MAEs work?")]
    [InlineData("<@444>", "")]
    [InlineData("ask <@555> too", "ask <@555> too")] // only the bot's own mention goes
    public void Question_MentionsOfTheBot_AreTakenOut(string content, string expected)
    {
        Assert.Equal(expected, MentionText.Question(content, Bot));
    }
}
