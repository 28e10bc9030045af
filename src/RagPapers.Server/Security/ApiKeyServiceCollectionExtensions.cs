using Microsoft.AspNetCore.Authorization;

namespace RagPapers.Server.Security;

internal static class ApiKeyServiceCollectionExtensions
{
    /// <summary>The key scheme as the default authentication scheme, and the "reader" and "admin" policies.</summary>
    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeySet>();
        // The core of authentication only: AddAuthentication would also bring Data Protection, which keeps keys on
        // disk for cookies this API never issues.
        services.AddWebEncoders();
        services.AddAuthenticationCore(options =>
        {
            options.DefaultScheme = ApiKeyDefaults.Scheme;
            options.AddScheme<ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, displayName: null);
        });
        services.AddSingleton<IAuthorizationHandler, ApiKeyAuthorizationHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyDefaults.ReaderPolicy, policy => policy.AddRequirements(new ApiKeyRequirement(Admin: false)))
            .AddPolicy(ApiKeyDefaults.AdminPolicy, policy => policy.AddRequirements(new ApiKeyRequirement(Admin: true)));
        return services;
    }
}
