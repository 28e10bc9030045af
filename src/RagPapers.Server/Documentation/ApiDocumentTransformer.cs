using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using RagPapers.Server.Security;

namespace RagPapers.Server.Documentation;

/// <summary>The document's title and description, and the two ways to send a key, as security schemes.</summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    private const string KeySchemeName = "ApiKey";
    private const string BearerSchemeName = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "RagPapers HTTP API",
            Version = "v1",
            Description = "Cited answers and search over a collection of research papers. Every error is an RFC 9457 "
                + "problem (application/problem+json). Keys are needed only when Server:ApiKeys or Server:AdminKeys are set; "
                + "/api/ingest and /metrics need an admin key when Server:AdminKeys is set.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[KeySchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyDefaults.HeaderName,
            Description = "An API key (Server:ApiKeys) or admin key (Server:AdminKeys).",
        };
        document.Components.SecuritySchemes[BearerSchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The same key as \"Authorization: Bearer <key>\".",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(KeySchemeName, document)] = [] });
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerSchemeName, document)] = [] });
        return Task.CompletedTask;
    }
}
