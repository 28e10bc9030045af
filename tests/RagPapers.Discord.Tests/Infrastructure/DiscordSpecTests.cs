namespace RagPapers.Discord.Tests.Infrastructure;

/// <summary>The stand-in's schema check must be able to fail, or its "no violations" would prove nothing.</summary>
public sealed class DiscordSpecTests
{
    private const string EditOriginal = "/webhooks/111111111111111111/tok/messages/@original";

    private static DiscordSpec Spec => DiscordSpec.Instance ?? throw new InvalidOperationException($"the official schema is missing at {DiscordSpec.SpecPath}");

    [Fact]
    public void FindOperationId_Original_PrefersTheLiteralSegmentOverMessageId()
    {
        Assert.Equal("update_original_webhook_message", Spec.FindOperationId("PATCH", EditOriginal));
        Assert.Equal("update_webhook_message", Spec.FindOperationId("PATCH", "/webhooks/1/tok/messages/123"));
    }

    [Fact]
    public void Validate_ValidMessage_HasNoViolation()
    {
        Assert.Empty(Spec.Validate("PATCH", EditOriginal, """{"content":"hi","embeds":[{"title":"t","fields":[{"name":"n","value":"v"}]}],"allowed_mentions":{"parse":[]}}"""));
    }

    [Theory]
    [InlineData("""{"embeds":[{"fields":[{"name":"n"}]}]}""", "required")]
    [InlineData("""{"allowed_mentions":{"parse":["nobody"]}}""", "allowed_mentions")]
    [InlineData("""{"embeds":[{"title":7}]}""", "type")]
    public void Validate_InvalidMessage_ReportsTheViolation(string body, string expected)
    {
        var violations = Spec.Validate("PATCH", EditOriginal, body);

        Assert.Contains(violations, v => v.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ContentOver2000_ReportsMaxLength()
    {
        var violations = Spec.Validate("POST", "/webhooks/1/tok", $$"""{"content":"{{new string('x', 2_001)}}"}""");

        Assert.Contains(violations, v => v.Contains("maxLength", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_CommandWithoutDescription_ReportsIt()
    {
        var violations = Spec.Validate("PUT", "/applications/1/commands", """[{"name":"ask","type":1,"options":[{"type":3,"name":"question"}]}]""");

        Assert.NotEmpty(violations);
    }
}
