using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RagPapers.Answering.FollowUps;
using RagPapers.Discord.Configuration;
using RagPapers.Discord.Conversations;

namespace RagPapers.Discord.Tests.Conversations;

public sealed class ChannelConversationsTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task UseAsync_SameChannel_SharesOneConversation()
    {
        var sut = Create();

        var first = await sut.UseAsync("a", Task.FromResult);
        var second = await sut.UseAsync("a", Task.FromResult);

        Assert.Same(first, second);
    }

    [Fact]
    public async Task UseAsync_OtherChannel_HasItsOwnConversation()
    {
        var sut = Create();

        var a = await sut.UseAsync("a", Task.FromResult);
        var b = await sut.UseAsync("b", Task.FromResult);

        Assert.NotSame(a, b);
    }

    [Fact]
    public async Task UseAsync_IdleLongerThanConversationIdleMinutes_StartsAfresh()
    {
        var sut = Create(idleMinutes: 60);
        var before = await sut.UseAsync("a", Task.FromResult);

        _time.Advance(TimeSpan.FromMinutes(61));
        var after = await sut.UseAsync("a", Task.FromResult);

        Assert.NotSame(before, after);
    }

    [Fact]
    public async Task UseAsync_IdleWithinTheLimit_KeepsTheConversation()
    {
        var sut = Create(idleMinutes: 60);
        var before = await sut.UseAsync("a", Task.FromResult);

        _time.Advance(TimeSpan.FromMinutes(59));
        var after = await sut.UseAsync("a", Task.FromResult);

        Assert.Same(before, after);
    }

    [Fact]
    public async Task UseAsync_MoreChannelsThanMaxConversations_ForgetsTheLeastRecentlyUsed()
    {
        var sut = Create(maxConversations: 2);
        var a = await sut.UseAsync("a", Task.FromResult);
        _time.Advance(TimeSpan.FromSeconds(1));
        var b = await sut.UseAsync("b", Task.FromResult);
        _time.Advance(TimeSpan.FromSeconds(1));
        await sut.UseAsync("a", Task.FromResult); // a is now more recent than b
        _time.Advance(TimeSpan.FromSeconds(1));

        await sut.UseAsync("c", Task.FromResult);

        Assert.Equal(2, sut.Count);
        Assert.Same(a, await sut.UseAsync("a", Task.FromResult));
        Assert.NotSame(b, await sut.UseAsync("b", Task.FromResult));
    }

    [Fact]
    public async Task UseAsync_SameChannelTwiceAtOnce_RunsOneTurnAtATime()
    {
        var sut = Create();
        var release = new TaskCompletionSource();
        var running = 0;
        var most = 0;

        async Task<int> Turn(Conversation _)
        {
            most = Math.Max(most, Interlocked.Increment(ref running));
            await release.Task;
            Interlocked.Decrement(ref running);
            return 0;
        }

        var first = sut.UseAsync("a", Turn);
        var second = sut.UseAsync("a", Turn);
        await Task.Delay(50);
        release.SetResult();
        await Task.WhenAll(first, second);

        Assert.Equal(1, most);
    }

    private ChannelConversations Create(int idleMinutes = 60, int maxConversations = 100) =>
        new(Options.Create(new DiscordOptions { ConversationIdleMinutes = idleMinutes, MaxConversations = maxConversations }), _time);
}
