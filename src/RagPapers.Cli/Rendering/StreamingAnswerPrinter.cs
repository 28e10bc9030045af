using System.Text;
using RagPapers.Answering.Contracts;
using RagPapers.Cli.Terminal;

namespace RagPapers.Cli.Rendering;

/// <summary>
/// Prints a streamed answer: each delta as it arrives, then the notice and sources. When the final answer is not
/// the streamed text (the LLM failed midway and the extractive answer replaced it), the final text is printed
/// in full after its notice, so what the user reads last is always the answer that counts.
/// </summary>
internal static class StreamingAnswerPrinter
{
    /// <summary>Prints the updates and returns the completed answer.</summary>
    public static async Task<Answer> PrintAsync(ConsoleView output, IAsyncEnumerable<AnswerUpdate> updates)
    {
        var streamed = new StringBuilder();
        Answer? answer = null;
        await foreach (var update in updates)
        {
            if (update.Kind == AnswerUpdateKind.Delta)
            {
                output.Stream(update.Text!);
                streamed.Append(update.Text);
            }
            else
            {
                answer = update.Answer;
            }
        }

        output.EndStream();

        if (answer is null)
        {
            throw new InvalidOperationException("The answer stream ended without an answer.");
        }

        if (answer.Status == AnswerStatus.Cancelled)
        {
            output.Line("(cancelled)", Tone.Notice);
        }
        else if (streamed.Length > 0 && streamed.ToString().Trim() == answer.Text)
        {
            AnswerRenderer.WriteAfterStream(output, answer);
        }
        else
        {
            AnswerRenderer.Write(output, answer);
        }

        return answer;
    }
}
