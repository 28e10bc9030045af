using System.Text;
using System.Text.Json;

namespace RagPapers.Server.Tests.Infrastructure;

public static class Http
{
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static Uri Path(string pathAndQuery) => new(pathAndQuery, UriKind.Relative);

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    public static async Task<JsonElement> PostJsonAsync(HttpClient client, string path, string json)
    {
        using var response = await client.PostAsync(Path(path), Json(json));
        return await ReadJsonAsync(response);
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(Path(path));
        return await ReadJsonAsync(response);
    }
}
