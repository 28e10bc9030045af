using Microsoft.AspNetCore.Authorization;

namespace RagPapers.Server.Security;

/// <summary>
/// Read endpoints are open while Server:ApiKeys is empty, else need an API or admin key. Admin endpoints need an
/// admin key once Server:AdminKeys has one, else they follow the read endpoints' rule.
/// </summary>
internal sealed class ApiKeyAuthorizationHandler(ApiKeySet keys) : AuthorizationHandler<ApiKeyRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ApiKeyRequirement requirement)
    {
        var user = context.User;
        var holdsKey = user.IsInRole(ApiKeyDefaults.ReaderRole) || user.IsInRole(ApiKeyDefaults.AdminRole);
        var allowed = requirement.Admin && !keys.AdminIsOpen
            ? user.IsInRole(ApiKeyDefaults.AdminRole)
            : keys.ReaderIsOpen || holdsKey;
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
