using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace RagPapers.Server.WebChat;

public static class WebChatApplicationExtensions
{
    /// <summary>The folder of the page's files inside the assembly (embedded at build, see the project file).</summary>
    internal const string PageFolder = "WebChat/Page";

    /// <summary>
    /// Serves the chat page at "/" and its files beside it, from resources embedded in the server: same origin as the
    /// API, nothing fetched from elsewhere, nothing for a user to build. The files need no key (the page asks for one
    /// when the API answers 401) and carry the page's security headers; /api, /health and the rest are untouched,
    /// because an endpoint that matched a request is never shadowed by a file.
    /// </summary>
    public static WebApplication UseWebChat(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var files = PageFiles();
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = ContentTypes(),
            OnPrepareResponse = context => PageHeaders.Apply(context.Context.Response),
        });
        return app;
    }

    // Only the kinds of file the page ships, each text type declared UTF-8 (the files use curly quotes and ellipses).
    private static FileExtensionContentTypeProvider ContentTypes() => new(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml; charset=utf-8",
    });

    internal static IFileProvider PageFiles() => new ManifestEmbeddedFileProvider(typeof(WebChatApplicationExtensions).Assembly, PageFolder);
}
