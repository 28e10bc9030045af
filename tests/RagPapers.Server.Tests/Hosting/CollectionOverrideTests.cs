using RagPapers.Server.Tests.Infrastructure;

namespace RagPapers.Server.Tests.Hosting;

public sealed class CollectionOverrideTests(TinyServer fixture) : IClassFixture<TinyServer>
{
    // Found while testing the LLM writer: the binder appended the command line's path to the options' default,
    // so the bundled 516 papers were loaded as well.
    [Fact]
    public async Task Start_CollectionPathsOnTheCommandLine_ReplaceTheConfiguredCollection()
    {
        var sut = await Http.GetJsonAsync(fixture.Server.Client, "/api/papers");

        Assert.Equal(TinyCollection.Lines.Length, sut.GetProperty("total").GetInt32());
    }
}
