namespace RagPapers.Server.Security;

/// <summary>Names shared by the key scheme, its policies and the endpoints that require them.</summary>
public static class ApiKeyDefaults
{
    public const string Scheme = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string ReaderPolicy = "reader";
    public const string AdminPolicy = "admin";
    public const string ReaderRole = "reader";
    public const string AdminRole = "admin";
}
