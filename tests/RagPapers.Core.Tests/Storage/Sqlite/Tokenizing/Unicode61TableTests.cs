using RagPapers.Storage.Sqlite;

namespace RagPapers.Core.Tests.Storage.Sqlite.Tokenizing;

/// <summary>The table of unicode61's behaviour the .NET tokenizer reads is the linked SQLite's, for every code point.</summary>
public sealed class Unicode61TableTests
{
    [Fact]
    public void Text_EveryCodePointAboveAscii_IsWhatTheLinkedSqliteDoes()
    {
        using var probe = new Fts5Probe("unicode61"); // without porter: the stemmer is checked apart

        var probed = Unicode61Probe.Table(probe);

        if (probed != Unicode61Table.Text)
        {
            // The probe writes the table it found, to be checked in as src/.../Tokenizing/unicode61.txt.
            var path = Path.Combine(Path.GetTempPath(), "unicode61.txt");
            File.WriteAllText(path, probed);
            Assert.Fail($"The checked-in unicode61 table differs from the linked SQLite's; the probed table is in {path}.");
        }
    }
}
