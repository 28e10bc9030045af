namespace RagPapers.Server.Security;

/// <summary>The holder of a configured key, named by its kind and index ("api-key-0"), never by the key itself.</summary>
public sealed record ApiKeyIdentity(string Name, bool IsAdmin);
