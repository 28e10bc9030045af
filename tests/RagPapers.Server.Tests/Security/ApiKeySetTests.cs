using Microsoft.Extensions.Options;
using RagPapers.Server.Security;
using RagPapers.Server.Configuration;

namespace RagPapers.Server.Tests.Security;

public sealed class ApiKeySetTests
{
    private const string Reader0 = "reader-zero-0000000000";
    private const string Reader1 = "reader-one-11111111111";
    private const string Admin0 = "admin-zero-0000000000";

    [Fact]
    public void Identify_ConfiguredKeys_NamesThemByKindAndIndexNeverByValue()
    {
        var sut = Keys([Reader0, Reader1], [Admin0]);

        Assert.Equal(new ApiKeyIdentity("api-key-1", IsAdmin: false), sut.Identify(Reader1));
        Assert.Equal(new ApiKeyIdentity("admin-key-0", IsAdmin: true), sut.Identify(Admin0));
    }

    [Theory]
    [InlineData("")]
    [InlineData("reader-zero-000000000")]
    [InlineData("reader-zero-00000000000")]
    [InlineData("READER-ZERO-0000000000")]
    [InlineData("reader-zero-0000000000 ")]
    public void Identify_AnythingButAnExactKey_IsNobody(string presented) =>
        Assert.Null(Keys([Reader0], []).Identify(presented));

    [Fact]
    public void Identify_HugeKey_IsNobody() =>
        Assert.Null(Keys([Reader0], []).Identify(new string('k', 100_000)));

    [Fact]
    public void Openness_FollowsWhichListsAreEmpty()
    {
        var open = Keys([], []);
        var adminOnly = Keys([], [Admin0]);
        var both = Keys([Reader0], [Admin0]);

        Assert.Equal((true, true, true), (open.IsEmpty, open.ReaderIsOpen, open.AdminIsOpen));
        Assert.Equal((false, true, false), (adminOnly.IsEmpty, adminOnly.ReaderIsOpen, adminOnly.AdminIsOpen));
        Assert.Equal((false, false, false), (both.IsEmpty, both.ReaderIsOpen, both.AdminIsOpen));
    }

    private static ApiKeySet Keys(string[] api, string[] admin) =>
        new(Options.Create(new ServerOptions { ApiKeys = api, AdminKeys = admin }));
}
