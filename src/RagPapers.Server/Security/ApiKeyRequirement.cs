using Microsoft.AspNetCore.Authorization;

namespace RagPapers.Server.Security;

/// <summary>What an endpoint asks of its caller: any configured key (reader) or an admin key.</summary>
internal sealed record ApiKeyRequirement(bool Admin) : IAuthorizationRequirement;
