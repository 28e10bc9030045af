using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace RagPapers.Server.Security;

/// <summary>
/// Authenticates the key in X-Api-Key or "Authorization: Bearer"; answers a missing or wrong key with 401 and a
/// missing admin right with 403, both as ProblemDetails. The key itself is never logged or echoed.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeySet keys,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (keys.IsEmpty)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var presented = Request.Headers[ApiKeyDefaults.HeaderName];
        if (presented.Count > 1)
        {
            return Task.FromResult(AuthenticateResult.Fail($"Send one {ApiKeyDefaults.HeaderName} header, not {presented.Count}."));
        }

        var key = presented.Count == 1 ? presented[0] : BearerToken();
        if (string.IsNullOrEmpty(key))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var identity = keys.Identify(key);
        return Task.FromResult(identity is null ? AuthenticateResult.Fail("The API key is not valid.") : AuthenticateResult.Success(Ticket(identity)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"RagPapers\"";
        var detail = result.Failure?.Message
            ?? $"This endpoint needs an API key: send it in the {ApiKeyDefaults.HeaderName} header or as \"Authorization: Bearer <key>\".";
        await WriteProblemAsync("Unauthorized", detail);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await WriteProblemAsync("Forbidden", "This endpoint needs an admin key (one of Server:AdminKeys).");
    }

    private string? BearerToken()
    {
        var authorization = Request.Headers[HeaderNames.Authorization];
        return authorization.Count == 1 && authorization[0] is { } value && value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            ? value[BearerPrefix.Length..].Trim()
            : null;
    }

    private AuthenticationTicket Ticket(ApiKeyIdentity identity)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, identity.Name), new(ClaimTypes.Role, ApiKeyDefaults.ReaderRole) };
        if (identity.IsAdmin)
        {
            claims.Add(new Claim(ClaimTypes.Role, ApiKeyDefaults.AdminRole));
        }

        return new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name)), Scheme.Name);
    }

    private Task WriteProblemAsync(string title, string detail) =>
        problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = Response.StatusCode, Title = title, Detail = detail },
        }).AsTask();
}
