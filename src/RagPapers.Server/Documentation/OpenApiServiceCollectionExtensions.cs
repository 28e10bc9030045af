namespace RagPapers.Server.Documentation;

internal static class OpenApiServiceCollectionExtensions
{
    /// <summary>The OpenAPI document "v1", served at /openapi/v1.json.</summary>
    public static IServiceCollection AddServerOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", options => options.AddDocumentTransformer<ApiDocumentTransformer>().AddDocumentTransformer<MetricsPathTransformer>());
}
