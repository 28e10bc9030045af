using System.Text.RegularExpressions;

namespace RagPapers.Testing.Qdrant;

/// <summary>The REST routes the stand-in serves, each with the operation id the spec gives it.</summary>
internal static partial class StandInRoutes
{
    private static readonly (string Method, Regex Path, string OperationId)[] Routes =
    [
        ("GET", RootPath(), "root"),
        ("GET", CollectionPath(), "get_collection"),
        ("PUT", CollectionPath(), "create_collection"),
        ("DELETE", CollectionPath(), "delete_collection"),
        ("GET", ExistsPath(), "collection_exists"),
        ("PUT", IndexPath(), "create_field_index"),
        ("PUT", PointsPath(), "upsert_points"),
        ("POST", PointsPath(), "get_points"),
        ("POST", PointsActionPath(), "points/"),
    ];

    /// <summary>The operation id and collection name of a request, or null for a route Qdrant does not have.</summary>
    public static (string OperationId, string? Collection)? Match(string method, string path)
    {
        foreach (var (routeMethod, pattern, operationId) in Routes)
        {
            var match = pattern.Match(path);
            if (routeMethod == method && match.Success)
            {
                var collection = match.Groups["collection"].Success ? Uri.UnescapeDataString(match.Groups["collection"].Value) : null;
                return operationId == "points/"
                    ? (match.Groups["action"].Value + "_points", collection)
                    : (operationId, collection);
            }
        }

        return null;
    }

    [GeneratedRegex("^/$")]
    private static partial Regex RootPath();

    [GeneratedRegex("^/collections/(?<collection>[^/]+)$")]
    private static partial Regex CollectionPath();

    [GeneratedRegex("^/collections/(?<collection>[^/]+)/exists$")]
    private static partial Regex ExistsPath();

    [GeneratedRegex("^/collections/(?<collection>[^/]+)/index$")]
    private static partial Regex IndexPath();

    [GeneratedRegex("^/collections/(?<collection>[^/]+)/points$")]
    private static partial Regex PointsPath();

    [GeneratedRegex("^/collections/(?<collection>[^/]+)/points/(?<action>delete|scroll|count|query)$")]
    private static partial Regex PointsActionPath();
}
