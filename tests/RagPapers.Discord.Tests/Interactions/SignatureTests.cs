using System.Net;
using System.Text.Json.Nodes;
using RagPapers.Discord.Tests.Infrastructure;

namespace RagPapers.Discord.Tests.Interactions;

[Collection(BotGroup.Name)]
public sealed class SignatureTests(BotFixture fixture)
{
    private BotServer Bot => fixture.Bot;

    [Fact]
    public async Task Post_SignedPing_ReturnsPong()
    {
        using var response = await Bot.PostAsync(InteractionJson.Ping(), fixture.Key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(1, JsonNode.Parse(body)!["type"]!.GetValue<int>());
        Assert.Single(JsonNode.Parse(body)!.AsObject());
        AssertValidCallback(body);
    }

    [Fact]
    public async Task Post_TamperedBody_Returns401()
    {
        var signed = InteractionJson.Ping();

        using var response = await Bot.PostAsync(signed, fixture.Key, sentBody: signed.Replace("\"type\":1", "\"type\":2", StringComparison.Ordinal));

        await AssertUnauthorizedAsync(response, "signature");
    }

    [Fact]
    public async Task Post_SignedWithAnotherKey_Returns401()
    {
        using var response = await Bot.PostAsync(InteractionJson.Ping(), new Ed25519KeyPair());

        await AssertUnauthorizedAsync(response, "signature");
    }

    [Theory]
    [InlineData(-600)]
    [InlineData(600)]
    public async Task Post_TimestampTenMinutesOff_Returns401(int offsetSeconds)
    {
        var stale = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() + offsetSeconds;

        using var response = await Bot.PostAsync(InteractionJson.Ping(), fixture.Key, timestamp: stale);

        await AssertUnauthorizedAsync(response, "timestamp");
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public async Task Post_MissingHeader_Returns401(bool withSignature, bool withTimestamp)
    {
        using var response = await Bot.PostAsync(InteractionJson.Ping(), fixture.Key, withSignature: withSignature, withTimestamp: withTimestamp);

        await AssertUnauthorizedAsync(response, "headers are required");
    }

    [Fact]
    public async Task Post_SignatureNotHex_Returns401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new StringContent(InteractionJson.Ping()) };
        request.Headers.Add("X-Signature-Ed25519", new string('z', 128));
        request.Headers.Add("X-Signature-Timestamp", TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));

        using var response = await Bot.Http.SendAsync(request);

        await AssertUnauthorizedAsync(response, "signature");
    }

    [Fact]
    public async Task Post_SignedButNotJson_Returns400ProblemDetails()
    {
        using var response = await Bot.PostAsync("{\"type\": 1", fixture.Key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Post_SignedUnsupportedType_Returns400ProblemDetails()
    {
        using var response = await Bot.PostAsync(InteractionJson.Ping().Replace("\"type\":1", "\"type\":4", StringComparison.Ordinal), fixture.Key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("type 4", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    internal static void AssertValidCallback(string body)
    {
        if (DiscordSpec.Instance is { } spec)
        {
            Assert.Empty(spec.Validate("POST", "/interactions/1000000000000000001/token/callback", body));
        }
    }

    private static async Task AssertUnauthorizedAsync(HttpResponseMessage response, string reason)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(401, problem["status"]!.GetValue<int>());
        Assert.Contains(reason, problem["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }
}
