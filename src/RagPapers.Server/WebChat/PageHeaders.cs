using Microsoft.Net.Http.Headers;

namespace RagPapers.Server.WebChat;

/// <summary>
/// The headers of the chat page's files. The Content-Security-Policy allows scripts, styles, images and requests
/// from this origin only, no inline script or style, no plugins, no framing, no form posts; Trusted Types make every
/// HTML-string sink (innerHTML and friends) throw, so text from papers can only ever reach the page as text.
/// </summary>
public static class PageHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'; "
        + "require-trusted-types-for 'script'; trusted-types 'none'";

    public static void Apply(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY"; // for browsers older than frame-ancestors
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        // The files are not fingerprinted: a browser revalidates them (ETag, 304) so a new server version shows at once.
        headers[HeaderNames.CacheControl] = "no-cache";
    }
}
