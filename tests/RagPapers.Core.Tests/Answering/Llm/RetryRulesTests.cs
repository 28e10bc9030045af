using System.Net;
using Polly;
using RagPapers.OpenAICompatible;

namespace RagPapers.Core.Tests.Answering.Llm;

public sealed class RetryRulesTests
{
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(20);
    private readonly FixedClock _clock = new();

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.RequestTimeout, true)]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.Unauthorized, false)]
    [InlineData(HttpStatusCode.NotFound, false)]
    [InlineData(HttpStatusCode.OK, false)]
    public void ShouldRetry_Status_RetriesOnlyWhatMayPass(HttpStatusCode status, bool expected)
    {
        using var response = new HttpResponseMessage(status);

        Assert.Equal(expected, RetryRules.ShouldRetry(Outcome.FromResult(response), Cap, _clock));
    }

    [Fact]
    public void ShouldRetry_NoConnection_Retries() =>
        Assert.True(RetryRules.ShouldRetry(Outcome.FromException<HttpResponseMessage>(new HttpRequestException("refused")), Cap, _clock));

    [Theory]
    [InlineData(20, true)]
    [InlineData(21, false)]
    public void ShouldRetry_RetryAfterBeyondTheCap_GivesUp(int seconds, bool expected)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.Add("Retry-After", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, RetryRules.ShouldRetry(Outcome.FromResult(response), Cap, _clock));
    }

    [Fact]
    public void RetryAfter_HttpDate_IsTheTimeLeftUntilThen()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.Add("Retry-After", "Fri, 14 Mar 2025 09:30:45 GMT"); // the clock says 09:30:00: 45 s

        Assert.Equal(TimeSpan.FromSeconds(45), RetryRules.RetryAfter(response, _clock));
    }

    [Fact]
    public void RetryAfter_DateInThePastOrNoHeader_IsZeroOrNone()
    {
        using var past = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        past.Headers.Add("Retry-After", "Fri, 14 Mar 2025 09:00:00 GMT");
        using var none = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        Assert.Equal(TimeSpan.Zero, RetryRules.RetryAfter(past, _clock));
        Assert.Null(RetryRules.RetryAfter(none, _clock));
    }

    [Theory]
    [InlineData("https://user:secret@proxy.example/v1?key=abc", "https://proxy.example/v1")]
    [InlineData("http://localhost:11434/v1/", "http://localhost:11434/v1/")]
    [InlineData("not a url", "(invalid endpoint)")]
    public void Redact_Endpoint_DropsUserInfoAndQuery(string endpoint, string expected) =>
        Assert.Equal(expected, LlmHttpClient.Redact(endpoint));
}
