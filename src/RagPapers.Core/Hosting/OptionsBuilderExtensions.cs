using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace RagPapers.Hosting;

public static class OptionsBuilderExtensions
{
    /// <summary>
    /// Binds the options to a configuration section, as OptionsBuilder.Bind does (reloads included), but reports a
    /// value the binder cannot convert as a <see cref="ConfigurationValueException"/>.
    /// </summary>
    public static OptionsBuilder<TOptions> BindSection<TOptions>(this OptionsBuilder<TOptions> builder, IConfiguration configuration, string section)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = configuration.GetSection(section);
        builder.Services.AddSingleton<IOptionsChangeTokenSource<TOptions>>(new ConfigurationChangeTokenSource<TOptions>(builder.Name, settings));
        return builder.Configure(options =>
        {
            try
            {
                settings.Bind(options);
            }
            catch (InvalidOperationException ex)
            {
                // The binder throws InvalidOperationException for a value of the wrong type, with a message naming it.
                throw new ConfigurationValueException(ex.Message, ex);
            }
        });
    }
}
