using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using RagPapers.Answering.Assistant;
using RagPapers.Answering.Contracts;
using RagPapers.Answering.FollowUps;
using RagPapers.Cli.Collection;
using RagPapers.Cli.Rendering;
using RagPapers.Cli.Terminal;
using RagPapers.Storage;

namespace RagPapers.Cli.Commands;

internal static class AskCommand
{
    public static Command Create()
    {
        var question = new Argument<string>("question") { Description = "The question, in quotes." };
        var writer = OptionParsers.OneOf(
            "--writer",
            "Who writes the answer: extractive (offline, quoted sentences) or llm (the chat model of Chat:*). Default: llm when Chat:Provider is OpenAI, else extractive.",
            required: false,
            "extractive",
            "llm");
        var command = new Command("ask", "Answer one question from the collection, with numbered citations.") { question, GlobalOptions.Json, writer, GlobalOptions.NoWait };
        foreach (var option in FilterOptions.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => FilterOptions.RangeError(parse) is { } rangeError
            ? Task.FromResult(CommandRunner.Fail(ExitCodes.Usage, rangeError))
            : CommandRunner.RunAsync(parse, (services, token) => AskAsync(services, parse, parse.GetValue(question), parse.GetValue(writer), token), ct));
        return command;
    }

    private static async Task<int> AskAsync(IServiceProvider services, ParseResult parse, string? text, string? writerName, CancellationToken token)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return CommandRunner.Fail(ExitCodes.Usage, "the question is empty; try: ragpapers ask \"what is contrastive learning?\"");
        }

        var assistant = services.GetRequiredService<PaperAssistant>();
        if (writerName is not null && !assistant.Writers.Contains(writerName))
        {
            return CommandRunner.Fail(ExitCodes.Usage, assistant.Writers.Unavailable(writerName));
        }

        await CollectionLoader.EnsureLoadedAsync(services, token);
        await SemanticIndexWaiter.WaitAsync(services, parse.GetValue(GlobalOptions.NoWait), token);
        var filter = FilterOptions.Read(parse);
        var answer = await assistant.AskAsync(text, new Conversation(), filter, writerName, token);
        var leftOut = await UndatedPapers.CountExcludedAsync(services.GetRequiredService<IPaperIndex>(), filter, token);
        if (parse.GetValue(GlobalOptions.Json))
        {
            Console.Out.WriteLine(AnswerJson.Serialize(answer));
            if (leftOut > 0)
            {
                ConsoleView.ForStandardError().Line(FilterText.UndatedLeftOut(leftOut), Tone.Notice);
            }
        }
        else
        {
            var output = ConsoleView.ForStandardOutput();
            if (leftOut > 0)
            {
                output.Line(FilterText.UndatedLeftOut(leftOut), Tone.Notice);
            }

            AnswerRenderer.Write(output, answer);
        }

        return answer.Status == AnswerStatus.Cancelled ? ExitCodes.Cancelled : ExitCodes.Ok;
    }
}
