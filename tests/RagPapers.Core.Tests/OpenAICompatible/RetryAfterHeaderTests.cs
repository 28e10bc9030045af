using System.Globalization;
using System.Net;
using RagPapers.Core.Tests.Answering.Llm;
using RagPapers.OpenAICompatible;

namespace RagPapers.Core.Tests.OpenAICompatible;

public sealed class RetryAfterHeaderTests
{
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(20);
    private readonly FixedClock _clock = new();

    [Theory]
    [InlineData(20, false)]
    [InlineData(21, true)]
    public void IsBeyond_DeltaSeconds_ComparesWithTheCap(int seconds, bool expected)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.Add("Retry-After", seconds.ToString(CultureInfo.InvariantCulture));

        Assert.Equal(expected, RetryAfterHeader.IsBeyond(response, Cap, _clock));
    }

    [Fact]
    public void IsBeyond_NoHeaderOrNoResponse_IsFalse()
    {
        using var none = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        Assert.False(RetryAfterHeader.IsBeyond(none, Cap, _clock));
        Assert.False(RetryAfterHeader.IsBeyond(null, Cap, _clock));
    }

    [Fact]
    public void Of_HttpDate_IsTheTimeLeftUntilThen()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.Add("Retry-After", "Fri, 14 Mar 2025 09:30:45 GMT"); // the clock says 09:30:00: 45 s

        Assert.Equal(TimeSpan.FromSeconds(45), RetryAfterHeader.Of(response, _clock));
    }

    [Fact]
    public void Of_DateInThePastOrNoHeader_IsZeroOrNone()
    {
        using var past = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        past.Headers.Add("Retry-After", "Fri, 14 Mar 2025 09:00:00 GMT");
        using var none = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        Assert.Equal(TimeSpan.Zero, RetryAfterHeader.Of(past, _clock));
        Assert.Null(RetryAfterHeader.Of(none, _clock));
    }
}
