using System.Reflection;
using System.Xml.Linq;

namespace RagPapers.Architecture.Tests;

/// <summary>
/// Test helpers are shared through one class library, tests/RagPapers.Testing: no test project compiles another's
/// files, and no program depends on test code.
/// </summary>
public sealed class TestCodeTests
{
    public static TheoryData<string> ProjectFiles =>
        [.. Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "tests"), "*.csproj", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(TestPaths.RepoRoot, path))
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Contains("obj"))];

    [Theory]
    [MemberData(nameof(ProjectFiles))]
    public void CompiledFiles_OfEachTestProject_LieInItsOwnFolder(string projectFile)
    {
        var path = Path.Combine(TestPaths.RepoRoot, projectFile);
        var folder = Path.GetDirectoryName(path)! + Path.DirectorySeparatorChar;

        var outside = XDocument.Load(path).Descendants("Compile")
            .Select(item => (string?)item.Attribute("Include"))
            .OfType<string>()
            .Where(include => !Path.GetFullPath(Path.Combine(folder, include.Replace('\\', Path.DirectorySeparatorChar))).StartsWith(folder, StringComparison.Ordinal))
            .ToList();

        Assert.True(outside.Count == 0, $"{projectFile} compiles files of another folder ({string.Join(", ", outside)}): move what is shared to tests/RagPapers.Testing and reference it");
    }

    [Theory]
    [MemberData(nameof(NamespaceDependencyTests.Projects), MemberType = typeof(NamespaceDependencyTests))]
    public void Programs_ReferenceNoTestCode(string assemblyName)
    {
        var sut = Assembly.Load(assemblyName);

        var testCode = sut.GetReferencedAssemblies()
            .Select(reference => reference.Name ?? "")
            .Where(name => name.StartsWith("RagPapers.Testing", StringComparison.Ordinal) || name == "RagPapers.QdrantStandIn"
                || name.EndsWith(".Tests", StringComparison.Ordinal) || name.StartsWith("xunit", StringComparison.Ordinal))
            .ToList();

        Assert.True(testCode.Count == 0, $"{assemblyName} references test code: {string.Join(", ", testCode)}");
    }

    [Fact]
    public void Namespaces_OfTheTestingLibrary_FormNoCycle()
    {
        var sut = NamespaceGraph.Load(typeof(RagPapers.Testing.Server.RunningServer).Assembly);

        var cycles = sut.Cycles();

        Assert.True(cycles.Count == 0, string.Join("\n", cycles.Select(cycle => string.Join(" <-> ", cycle))));
    }
}
