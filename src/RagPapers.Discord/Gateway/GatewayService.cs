using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagPapers.Discord.Commands;
using RagPapers.Discord.Configuration;

namespace RagPapers.Discord.Gateway;

/// <summary>Hosts the Gateway connection when Discord:Mode includes Gateway; idle otherwise.</summary>
internal sealed class GatewayService(
    GatewayClient client,
    GatewayDispatcher dispatcher,
    GatewayStatus status,
    IOptions<DiscordOptions> options,
    ILogger<GatewayService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsGatewayEnabled)
        {
            return;
        }

        try
        {
            await client.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping: the connection closed with 1000
        }
        catch (DiscordSetupException ex)
        {
            Log.Stopped(logger, ex.Message);
            status.Fail(ex);
        }
        finally
        {
            await dispatcher.DrainAsync();
            Log.Disconnected(logger);
        }
    }
}
