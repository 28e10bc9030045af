using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RagPapers.Discord.Hosting;

namespace RagPapers.Discord.Tests.Infrastructure;

/// <summary>The REST side of the bot composed by AddDiscordRestClient against a stand-in, with an optional clock.</summary>
public static class RestHarness
{
    public static ServiceProvider Build(DiscordStandIn discord, TimeProvider? time = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Discord:ApiBaseUrl"] = discord.BaseUrl,
            ["Discord:ApplicationId"] = discord.ApplicationId,
            ["Discord:BotToken"] = discord.BotToken,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var services = new ServiceCollection().AddLogging();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddDiscordRestClient(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        return services.BuildServiceProvider(validateScopes: true);
    }
}
