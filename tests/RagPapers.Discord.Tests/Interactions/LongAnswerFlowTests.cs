using Microsoft.Extensions.DependencyInjection;
using RagPapers.Answering.Contracts;
using RagPapers.Discord.Tests.Infrastructure;

namespace RagPapers.Discord.Tests.Interactions;

public sealed class LongAnswerFlowTests : IClassFixture<LongAnswerFlowTests.Fixture>
{
    // On the collection's topic: the assistant hands a writer only relevant evidence, and these reach the writer.
    private const string Explode = "explode on masked autoencoder pre-training for medical imaging, please";
    private const string Everything = "tell me everything about masked autoencoders for medical imaging";
    private const string Short = "a short answer on masked autoencoders for medical imaging";
    private readonly Fixture _fixture;

    public LongAnswerFlowTests(Fixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Ask_AnswerLongerThanEveryLimit_EditsTheOriginalThenFollowsUp()
    {
        var answer = LongAnswers.Create();

        var run = await CommandRun.RunAsync(_fixture.Bot, CommandFlowTests.NewChannel(), "ask", ("question", Everything));

        Assert.True(run.Webhook[0].IsEditOriginal);
        Assert.True(run.Webhook.Count >= 4, $"{run.Webhook.Count} messages");
        Assert.All(run.Webhook.Skip(1), r => Assert.True(r.IsFollowup));
        Assert.All(run.Webhook, r => Assert.Empty(r.Violations)); // official schema + every limit, per message
        var embeds = run.Messages.SelectMany(m => m["embeds"]!.AsArray()).ToArray();
        var descriptions = embeds.Select(e => e!["description"]?.GetValue<string>()).OfType<string>().ToArray();
        Assert.Equal(LongAnswers.Normalize(answer.Text), LongAnswers.Normalize(string.Join(" ", descriptions)));
        Assert.All(descriptions, d => Assert.DoesNotMatch(@"^\[\d+\]", d)); // a citation stays with its sentence
        var sources = embeds.SelectMany(e => e!["fields"]?.AsArray() ?? []).Select(f => f!["name"]!.GetValue<string>()).ToArray();
        Assert.Equal(Enumerable.Range(1, LongAnswers.Sources).Select(n => $"[{n}] "), sources.Select(s => s[..(s.IndexOf(']', StringComparison.Ordinal) + 2)]));
    }

    [Fact]
    public async Task Ask_WriterFails_EditsTheOriginalWithAFriendlyMessage()
    {
        var run = await CommandRun.RunAsync(_fixture.Bot, CommandFlowTests.NewChannel(), "ask", ("question", Explode));

        var content = Assert.Single(run.Messages)["content"]!.GetValue<string>();
        Assert.StartsWith("Sorry, something went wrong", content, StringComparison.Ordinal);
        Assert.Contains(_fixture.Bot.Bot.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("/ask failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ask_DiscordAnswers429_RetriesAfterTheTimeItNames()
    {
        _fixture.Bot.Discord.EnqueueFault(StandInFault.TooManyRequests(0.25));

        var run = await CommandRun.RunAsync(_fixture.Bot, CommandFlowTests.NewChannel(), "ask", ("question", Short));

        var (limited, retried) = (run.Webhook[0], run.Webhook[1]);
        Assert.True(limited.IsEditOriginal && retried.IsEditOriginal);
        Assert.True(retried.ReceivedAt - limited.ReceivedAt >= TimeSpan.FromSeconds(0.25), $"retried after {(retried.ReceivedAt - limited.ReceivedAt).TotalSeconds:F3} s");
        Assert.Equal(limited.Body!.ToJsonString(), retried.Body!.ToJsonString());
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public BotFixture Bot { get; } = new() { Configure = services => services.AddSingleton<IAnswerWriter>(new DelegateAnswerWriter((request, _) => request.Question switch
        {
            Explode => throw new InvalidOperationException("the writer broke"),
            Short => Task.FromResult(new Answer(AnswerStatus.Answered, "A short answer. [1]", LongAnswers.Create().Citations.Take(1).ToArray(), "test")),
            _ => Task.FromResult(LongAnswers.Create()),
        })) };

        public Task InitializeAsync() => Bot.InitializeAsync();

        public Task DisposeAsync() => Bot.DisposeAsync();
    }
}
