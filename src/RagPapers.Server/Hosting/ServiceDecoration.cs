namespace RagPapers.Server.Hosting;

internal static class ServiceDecoration
{
    /// <summary>
    /// Wraps the last registration of <typeparamref name="TService"/> (a type, a factory or an instance, as the core
    /// registered it) in <paramref name="decorate"/>, keeping it a singleton; everything resolving the service,
    /// including the core's own classes, then gets the decorator.
    /// </summary>
    public static IServiceCollection DecorateSingleton<TService>(this IServiceCollection services, Func<IServiceProvider, TService, TService> decorate)
        where TService : class
    {
        var registration = services.LastOrDefault(d => d.ServiceType == typeof(TService) && !d.IsKeyedService)
            ?? throw new InvalidOperationException($"{typeof(TService).Name} is not registered; call AddRagPapers first.");
        services.Remove(registration);
        services.AddSingleton(sp => decorate(sp, (TService)Inner(sp, registration)));
        return services;
    }

    private static object Inner(IServiceProvider services, ServiceDescriptor registration) =>
        registration.ImplementationInstance
        ?? registration.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, registration.ImplementationType!);
}
