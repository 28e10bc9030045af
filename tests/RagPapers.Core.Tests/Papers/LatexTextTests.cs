using RagPapers.Papers;

namespace RagPapers.Core.Tests.Papers;

public sealed class LatexTextTests
{
    [Theory]
    [InlineData(@"Schr{\""o}dinger", "Schrödinger")]
    [InlineData(@"Erd\H{o}s and G\""{o}del", "Erdős and Gödel")]
    [InlineData(@"Fran\c{c}ois Ma\'{\i}z", "François Maíz")]
    [InlineData(@"Dvo\v r\'ak", "Dvořák")]
    [InlineData(@"Stra\ss e, {\o}resund", "Straße, øresund")]
    [InlineData(@"R\&D at 50\% with a\_b", "R&D at 50% with a_b")]
    [InlineData(@"\emph{Deep} \textbf{Nets}", "Deep Nets")]
    [InlineData(@"An $\alpha$-{S}table~Law\\ on two lines", "An alpha-Stable Law on two lines")]
    public void ToPlain_LatexMarkup_PlainText(string latex, string expected)
    {
        Assert.Equal(expected, LatexText.ToPlain(latex));
    }
}
