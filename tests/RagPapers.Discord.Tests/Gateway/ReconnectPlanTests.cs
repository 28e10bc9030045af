using RagPapers.Discord.Gateway;

namespace RagPapers.Discord.Tests.Gateway;

public sealed class ReconnectPlanTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 32)]
    [InlineData(7, 60)] // 64 s, capped
    [InlineData(30, 60)]
    public void Backoff_ConsecutiveFailures_DoublesUpToAMinute(int failures, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), ReconnectPlan.Backoff(failures));
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.5, 3.0)]
    [InlineData(1.0, 5.0)]
    public void For_InvalidSession_WaitsOneToFiveSeconds(double jitter, double seconds)
    {
        var sut = ReconnectPlan.For(new ConnectionEnd(ConnectionEndKind.InvalidSession, true, Resumable: false), failures: 5, jitter);

        Assert.Equal(TimeSpan.FromSeconds(seconds), sut.Delay);
        Assert.False(sut.Resume);
    }

    [Fact]
    public void For_Reconnect_ResumesAtOnce()
    {
        var sut = ReconnectPlan.For(new ConnectionEnd(ConnectionEndKind.Reconnect, true), failures: 3, jitter: 0.7);

        Assert.Equal((true, TimeSpan.Zero), (sut.Resume, sut.Delay));
    }

    [Theory]
    [InlineData(4000, true)]
    [InlineData(4008, true)]
    [InlineData(1001, true)]
    [InlineData(4003, false)]
    [InlineData(4007, false)]
    [InlineData(4009, false)]
    public void For_Closed_ResumesUnlessTheCodeSaysTheSessionIsGone(int code, bool resume)
    {
        var sut = ReconnectPlan.For(new ConnectionEnd(ConnectionEndKind.Closed, true, CloseCode: code), failures: 1, jitter: 0);

        Assert.Equal(resume, sut.Resume);
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), sut.Why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4004, "Discord:BotToken")]
    [InlineData(4014, "Privileged Gateway Intents")]
    [InlineData(4011, "Discord:Mode Interactions")]
    [InlineData(4012, "update RagPapers")]
    public void Fatal_CodesReconnectingCannotFix_SayWhatToDo(int code, string expected)
    {
        Assert.Contains(expected, GatewayCloseCodes.Fatal(code, GatewayIntents.GuildMessages), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4000)]
    [InlineData(4009)]
    [InlineData(1006)]
    public void Fatal_CodesAReconnectMayFix_IsNull(int code)
    {
        Assert.Null(GatewayCloseCodes.Fatal(code, 0));
    }
}
