namespace RagPapers.Cli.Tests;

/// <summary>Settings of the wrong type, run as the real program: one line naming the setting, exit code 2, no stack trace.</summary>
public sealed class ConfigurationErrorTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("RAGPAPERS_Retrieval__TopK", "eight", "'Retrieval:TopK'")]
    [InlineData("RAGPAPERS_Chat__TimeoutSeconds", "soon", "'Chat:TimeoutSeconds'")]
    public async Task Search_SettingOfTheWrongType_ExitsTwoNamingTheSetting(string variable, string value, string expected)
    {
        var store = Path.Combine(_folder.Path, "papers.db");

        var sut = await CliProcess.RunAsync(["search", "attention", "--store", store], environment: new Dictionary<string, string> { [variable] = value });

        Assert.True(sut.ExitCode == 2, sut.ToString());
        Assert.StartsWith("error: invalid configuration: ", sut.StandardError, StringComparison.Ordinal);
        Assert.Contains(expected, sut.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", sut.StandardError, StringComparison.Ordinal);
    }
}
