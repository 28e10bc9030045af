using Microsoft.Extensions.Options;

namespace RagPapers.Server.Tests.Hosting;

public sealed class ServerOptionsValidationTests
{
    [Theory]
    [InlineData("Server:ApiKeys:0", "short", "Server:ApiKeys:0 must be at least 16 characters")]
    [InlineData("Server:AdminKeys:0", "has spaces in the middle", "Server:AdminKeys:0 must be printable ASCII")]
    [InlineData("Server:MaxConversations", "0", "Server:MaxConversations must be between")]
    [InlineData("Server:ConversationIdleMinutes", "-5", "Server:ConversationIdleMinutes must be between")]
    [InlineData("Server:RateLimit:PermitLimit", "0", "Server:RateLimit:PermitLimit must be between")]
    [InlineData("Server:MaxRequestBodyBytes", "10", "Server:MaxRequestBodyBytes must be between")]
    [InlineData("Server:Cors:AllowedOrigins:0", "papers.example.org/path", "Server:Cors:AllowedOrigins:0")]
    public async Task Start_InvalidServerSetting_FailsWithAMessageNamingThePath(string key, string value, string expected)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            RunningServer.StartAsync(new Dictionary<string, string> { [key] = value }, waitUntilReady: false));

        Assert.Contains(expected, string.Join(" | ", error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InvalidKey_MessageDoesNotEchoTheKey()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            RunningServer.StartAsync(new Dictionary<string, string> { ["Server:ApiKeys:0"] = "tinysecret" }, waitUntilReady: false));

        Assert.DoesNotContain("tinysecret", string.Join(" | ", error.Failures), StringComparison.Ordinal);
    }
}
