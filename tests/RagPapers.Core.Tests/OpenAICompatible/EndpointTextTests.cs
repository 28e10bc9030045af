using RagPapers.OpenAICompatible;

namespace RagPapers.Core.Tests.OpenAICompatible;

public sealed class EndpointTextTests
{
    [Theory]
    [InlineData("https://user:secret@proxy.example/v1?key=abc", "https://proxy.example/v1")]
    [InlineData("http://localhost:11434/v1/", "http://localhost:11434/v1/")]
    [InlineData("not a url", "(invalid endpoint)")]
    public void Redact_Endpoint_DropsUserInfoAndQuery(string endpoint, string expected) =>
        Assert.Equal(expected, EndpointText.Redact(endpoint));
}
