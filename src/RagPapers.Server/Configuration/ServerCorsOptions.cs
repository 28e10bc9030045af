namespace RagPapers.Server.Configuration;

/// <summary>The "Server:Cors" section: which web pages may call the API from a browser.</summary>
public sealed class ServerCorsOptions
{
    /// <summary>Origins such as "https://papers.example.org", or "*" for any; empty sends no CORS headers.</summary>
    public string[] AllowedOrigins { get; set; } = [];
}
