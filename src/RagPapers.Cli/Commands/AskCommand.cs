using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using RagPapers.Answering;
using RagPapers.Cli.Rendering;

namespace RagPapers.Cli.Commands;

internal static class AskCommand
{
    public static Command Create()
    {
        var question = new Argument<string>("question") { Description = "The question, in quotes." };
        var writer = new Option<string?>("--writer")
        {
            Description = "Who writes the answer: extractive (offline, quoted sentences) or llm (the chat model of Chat:*). Default: llm when Chat:Provider is OpenAI, else extractive.",
            HelpName = "extractive|llm",
        };
        writer.AcceptOnlyFromAmong("extractive", "llm");
        var command = new Command("ask", "Answer one question from the collection, with numbered citations.")
        {
            question, GlobalOptions.Json, FilterOptions.From, FilterOptions.To, FilterOptions.Source, writer, GlobalOptions.NoWait,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async (services, token) =>
        {
            var text = parse.GetValue(question);
            if (string.IsNullOrWhiteSpace(text))
            {
                return CommandRunner.Fail(ExitCodes.Usage, "the question is empty; try: ragpapers ask \"what is contrastive learning?\"");
            }

            var assistant = services.GetRequiredService<PaperAssistant>();
            var writerName = parse.GetValue(writer);
            if (writerName is not null && !assistant.Writers.Contains(writerName))
            {
                return CommandRunner.Fail(ExitCodes.Usage, assistant.Writers.Unavailable(writerName));
            }

            await CollectionLoader.EnsureLoadedAsync(services, token);
            await SemanticIndexWaiter.WaitAsync(services, parse.GetValue(GlobalOptions.NoWait), token);
            var answer = await assistant.AskAsync(text, new Conversation(), FilterOptions.Read(parse), writerName, token);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Console.Out.WriteLine(AnswerJson.Serialize(answer));
            }
            else
            {
                AnswerRenderer.Write(Console.Out, answer);
            }

            return answer.Status == AnswerStatus.Cancelled ? ExitCodes.Cancelled : ExitCodes.Ok;
        }, ct));
        return command;
    }
}
