using System.Net.Http.Headers;
using Microsoft.Playwright;
using RagPapers.Testing.OpenAi;
using RagPapers.Web.Tests.Infrastructure;

namespace RagPapers.Web.Tests.Chat;

[Collection(ChatPageCollection.Name)]
public sealed class StopTests(ChatPageServer fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [BrowserFact]
    public async Task Stop_MidAnswer_EndsTheStreamOnThePageAndTheServersWork()
    {
        await using var session = await fixture.OpenPageAsync();
        var sut = new ChatPage(session.Page);
        var abortedBefore = fixture.Model.AbortedChatRequests;
        var cancelledBefore = await CancelledAnswersAsync();
        fixture.Model.Reply(OpenAiReply.StallMidStream("Graph neural networks pass messages over atoms [1] and bonds."));
        await sut.AskAsync("How do graph neural networks predict molecule properties?");
        await Assertions.Expect(sut.Answer(1)).Not.ToBeEmptyAsync(); // the first words are in; the model then stalls

        await sut.Stop.ClickAsync();

        await Assertions.Expect(sut.Turn(1).Locator(".notice")).ToHaveTextAsync("Stopped: the answer above is incomplete.");
        await Assertions.Expect(sut.Stop).ToBeHiddenAsync();
        await Assertions.Expect(sut.Submit).ToBeEnabledAsync();
        await Assertions.Expect(sut.Question).ToBeFocusedAsync();
        await Assertions.Expect(sut.Answer(1)).Not.ToHaveAttributeAsync("aria-busy", "true");
        // The server noticed the closed connection: it hung up on the model and counted the answer as cancelled.
        await WaitUntilAsync(() => Task.FromResult(fixture.Model.AbortedChatRequests > abortedBefore), "the model's request was not aborted");
        await WaitUntilAsync(async () => await CancelledAnswersAsync() > cancelledBefore, "no cancelled llm answer in /metrics");
        session.AssertNoErrors();
    }

    // ragpapers_answers_total{status="cancelled",writer="llm"} from /metrics (admin key).
    private async Task<double> CancelledAnswersAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/metrics", UriKind.Relative));
        request.Headers.Add("X-Api-Key", ChatPageServer.AdminKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/plain"));
        using var response = await fixture.Server.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var line = text.Split('\n').FirstOrDefault(l =>
            l.StartsWith("ragpapers_answers_total{", StringComparison.Ordinal) && l.Contains("status=\"cancelled\"", StringComparison.Ordinal)
            && l.Contains("writer=\"llm\"", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string failure)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(100);
        }
    }
}
