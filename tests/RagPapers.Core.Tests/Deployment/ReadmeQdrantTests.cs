using System.Text.RegularExpressions;

namespace RagPapers.Core.Tests.Deployment;

/// <summary>The Qdrant admin calls the README tells users to run (REST, port 6333) are ones Qdrant's schema accepts.</summary>
public sealed partial class ReadmeQdrantTests
{
    [Fact]
    public async Task QuantizationCommand_Body_ValidAgainstQdrantsUpdateCollectionSchema()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(TestPaths.RepoRoot, "README.md"));
        var match = PatchCommand().Match(readme);
        Assert.True(match.Success, "the README shows a PATCH /collections/papers command");

        var spec = await QdrantRestSpec.GetAsync();

        Assert.Empty(spec.ValidateRequest("update_collection", match.Groups["body"].Value));
        Assert.NotEmpty(spec.ValidateRequest("update_collection", match.Groups["body"].Value.Replace("int8", "int4", StringComparison.Ordinal)));
    }

    [GeneratedRegex(@"curl -X PATCH http://localhost:6333/collections/papers .*?-d '(?<body>\{.*?\})'", RegexOptions.Singleline)]
    private static partial Regex PatchCommand();
}
