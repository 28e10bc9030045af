using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace RagPapers.Core.Tests.Deployment;

/// <summary>
/// docker-compose.yml parses, runs what the README says it runs, and pins a Qdrant the client supports. The machines
/// this runs on have a docker client without the compose plugin, so `docker compose config` cannot check the file:
/// it is parsed with YamlDotNet instead.
/// </summary>
public sealed partial class DockerComposeTests
{
    private static readonly string ComposePath = Path.Combine(TestPaths.RepoRoot, "docker-compose.yml");
    private readonly YamlMappingNode _compose = Load();

    [Fact]
    public void Qdrant_PinnedSupportedVersionWithVolumeHealthCheckAndBothPorts()
    {
        var qdrant = Service("qdrant");

        var version = PinnedVersion().Match(Scalar(qdrant, "image"));
        Assert.True(version.Success, "the Qdrant image must name an exact version, not latest");
        Assert.True(new Version(version.Groups[1].Value) >= new Version(1, 17), "RagPapers needs Qdrant 1.17 or later");
        Assert.Contains("6334:6334", Sequence(qdrant, "ports")); // gRPC, what the app talks
        Assert.Contains("6333:6333", Sequence(qdrant, "ports")); // REST, for the dashboard
        var volume = Assert.Single(Sequence(qdrant, "volumes"));
        Assert.EndsWith(":/qdrant/storage", volume, StringComparison.Ordinal);
        Assert.True(Mapping(_compose, "volumes").Children.ContainsKey(new YamlScalarNode(volume.Split(':')[0])), "the named volume is declared");
        var health = Mapping(qdrant, "healthcheck");
        Assert.Contains("/readyz", string.Join(" ", Sequence(health, "test")), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(Scalar(health, "interval")));
    }

    [Fact]
    public void Server_BuiltFromItsDockerfileAndPointedAtQdrantOnceHealthy()
    {
        var server = Service("server");

        var dockerfile = Scalar(Mapping(server, "build"), "dockerfile");
        Assert.Equal("src/RagPapers.Server/Dockerfile", dockerfile);
        Assert.Contains("dotnet publish src/RagPapers.Server/RagPapers.Server.csproj", File.ReadAllText(Path.Combine(TestPaths.RepoRoot, dockerfile)), StringComparison.Ordinal);
        Assert.Equal("service_healthy", Scalar(Mapping(Mapping(server, "depends_on"), "qdrant"), "condition"));
        var environment = Mapping(server, "environment");
        Assert.Equal("Qdrant", Scalar(environment, "RAGPAPERS_Store__Provider"));
        Assert.Equal("http://qdrant:6334", Scalar(environment, "RAGPAPERS_Store__Qdrant__Url"));
        Assert.Contains("8080:8080", Sequence(server, "ports"));
    }

    [Fact]
    public void Ollama_OnlyInTheLlmProfileAndWhereTheServerLooksForIt()
    {
        var ollama = Service("ollama");

        Assert.Equal(["llm"], Sequence(ollama, "profiles"));
        Assert.DoesNotContain(":latest", Scalar(ollama, "image"), StringComparison.Ordinal);
        Assert.Contains("http://ollama:11434/v1", Scalar(Mapping(Service("server"), "environment"), "RAGPAPERS_Chat__Endpoint"), StringComparison.Ordinal);
        Assert.False(Service("qdrant").Children.ContainsKey(new YamlScalarNode("profiles")), "Qdrant and the server start without a profile");
    }

    [Fact]
    public void Readme_NamesTheServicesProfileAndPinnedImageOfTheComposeFile()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md"));

        Assert.Contains("docker compose up -d", readme, StringComparison.Ordinal);
        Assert.Contains("docker compose --profile llm up -d", readme, StringComparison.Ordinal);
        Assert.Contains(Scalar(Service("qdrant"), "image"), readme, StringComparison.Ordinal);
        foreach (var name in new[] { "qdrant", "server", "ollama" })
        {
            Assert.Contains($"`{name}`", readme, StringComparison.Ordinal);
        }
    }

    private static YamlMappingNode Load()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(ComposePath);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private YamlMappingNode Service(string name) => Mapping(Mapping(_compose, "services"), name);

    private static YamlMappingNode Mapping(YamlMappingNode node, string key) => (YamlMappingNode)node[key];

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;

    private static List<string> Sequence(YamlMappingNode node, string key) => [.. ((YamlSequenceNode)node[key]).Children.Select(c => ((YamlScalarNode)c).Value!)];

    [GeneratedRegex(@"^qdrant/qdrant:v(\d+\.\d+)\.\d+$")]
    private static partial Regex PinnedVersion();
}
