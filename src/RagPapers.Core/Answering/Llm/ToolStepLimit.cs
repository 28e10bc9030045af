using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

namespace RagPapers.Answering.Llm;

/// <summary>
/// Bounds SK's automatic function calling for one answer. The tool calls of the first <c>maxSteps</c> model
/// responses run; those of the next response are answered with <see cref="BudgetSpent"/> instead of running,
/// so the model answers from what it has; if it still calls a tool after that, the loop is terminated and the
/// answer falls back. A response may call at most <see cref="MaxCallsPerStep"/> tools.
/// </summary>
/// <remarks>
/// Why a filter: SK's own cap (128 auto-invocations) is not configurable, and <c>FunctionChoiceBehavior</c>
/// cannot be subclassed; an auto-function-invocation filter is SK's hook for exactly this.
/// </remarks>
internal sealed class ToolStepLimit(int maxSteps, ILogger logger) : IAutoFunctionInvocationFilter
{
    public const int MaxCallsPerStep = 4;
    public const string BudgetSpent = "No more tool calls are allowed for this question. Answer now from the sources you have, citing them by number.";
    public const string TooManyCalls = "Too many tool calls at once; this one was not run.";

    private int _exhausted;

    /// <summary>True once the model called a tool after being told the budget was spent.</summary>
    public bool Exhausted => Volatile.Read(ref _exhausted) == 1;

    public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var step = context.RequestSequenceIndex;
        if (step > maxSteps)
        {
            Interlocked.Exchange(ref _exhausted, 1);
            Log.ToolRefused(logger, context.Function.Name, step);
            context.Terminate = true;
            return;
        }

        if (step == maxSteps || context.FunctionSequenceIndex >= MaxCallsPerStep)
        {
            Log.ToolRefused(logger, context.Function.Name, step);
            context.Result = new FunctionResult(context.Function, step == maxSteps ? BudgetSpent : TooManyCalls);
            return;
        }

        Log.ToolCalled(logger, context.Function.Name, step);
        await next(context);
    }
}
