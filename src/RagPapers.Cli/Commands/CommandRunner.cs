using System.CommandLine;
using Microsoft.Extensions.Options;
using RagPapers.Hosting;
using RagPapers.Storage;

namespace RagPapers.Cli.Commands;

/// <summary>Runs a command's body inside its host and turns every failure a user can cause into a one-line error and an exit code.</summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(
        ParseResult parse,
        Func<IServiceProvider, CancellationToken, Task<int>> body,
        CancellationToken cancellationToken,
        string? storePath = null,
        Action<Microsoft.Extensions.Hosting.HostApplicationBuilder>? configure = null)
    {
        try
        {
            using var host = CliHost.Build(storePath ?? parse.GetValue(GlobalOptions.Store), configure);
            await host.StartAsync(cancellationToken); // runs ValidateOnStart: bad settings stop here
            return await body(host.Services, cancellationToken);
        }
        catch (OptionsValidationException ex)
        {
            return Fail(ExitCodes.Usage, "invalid configuration: " + string.Join(" ", ex.Failures));
        }
        catch (ConfigurationValueException ex)
        {
            return Fail(ExitCodes.Usage, "invalid configuration: " + ex.Message);
        }
        catch (StoreIncompatibleException ex)
        {
            return Fail(ExitCodes.Failure, ex.Message);
        }
        catch (StoreUnavailableException ex)
        {
            return Fail(ExitCodes.Failure, ex.Message);
        }
        catch (RagPapers.Answering.Llm.PromptTemplateException ex)
        {
            return Fail(ExitCodes.Usage, "invalid prompt: " + ex.Message);
        }
        catch (RagPapers.Embeddings.EmbeddingServiceException ex)
        {
            return Fail(ExitCodes.Failure, ex.Message);
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            return Fail(ExitCodes.Failure, "cannot use the store: " + ex.Message);
        }
        catch (FileNotFoundException ex)
        {
            return Fail(ExitCodes.Failure, ex.Message);
        }
        catch (DirectoryNotFoundException ex)
        {
            return Fail(ExitCodes.Failure, ex.Message);
        }
        catch (UnauthorizedAccessException ex)
        {
            return Fail(ExitCodes.Failure, ex.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested || InterruptScope.Interrupted)
        {
            return Fail(ExitCodes.Cancelled, "interrupted");
        }
    }

    public static int Fail(int exitCode, string message)
    {
        Terminal.ConsoleView.ForStandardError().Line("error: " + message, Terminal.Tone.Error);
        return exitCode;
    }
}
