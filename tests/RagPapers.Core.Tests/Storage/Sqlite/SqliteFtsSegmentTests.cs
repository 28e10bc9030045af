using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using RagPapers.Core.Tests.Fakes;
using RagPapers.Storage;
using RagPapers.Storage.Sqlite;

namespace RagPapers.Core.Tests.Storage.Sqlite;

/// <summary>
/// FTS5 writes the terms it holds in memory as a new segment whenever another statement of the transaction opens a
/// statement journal; a write that inserted FTS rows between paper and chunk rows made one segment per paper, and merging them
/// was most of an ingest's time (FtsRowWrites). Work counted, not time: the segments in FTS5's structure record.
/// </summary>
public sealed class SqliteFtsSegmentTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task UpsertAsync_OneBatch_WritesItsFtsRowsAsOneSegment()
    {
        var path = _temp.File("one.db");
        await using var sut = await OpenAsync(path);

        await sut.UpsertAsync(Papers("first"));

        Assert.Equal(1, Segments(path));
    }

    [Fact]
    public async Task UpsertAsync_BatchReplacingStoredPapers_AddsAtMostOneSegment()
    {
        var path = _temp.File("replace.db");
        await using var sut = await OpenAsync(path);
        await sut.UpsertAsync(Papers("first"));

        await sut.UpsertAsync(Papers("second"));

        // The first batch's segment goes too when FTS5 finds every row of it deleted.
        Assert.InRange(Segments(path), 1, 2);
        Assert.Equal(250, (await sut.KeywordSearchAsync("second", 500)).Count);
        Assert.Empty(await sut.KeywordSearchAsync("first", 500));
    }

    // 200 papers, every fourth with a second chunk, each naming its version.
    private static List<PaperDocument> Papers(string version) =>
    [
        .. Enumerable.Range(0, 200).Select(i =>
        {
            var paper = TestPapers.Make($"p{i:D3}", $"Paper {i} {version}", $"The {version} version of paper {i}, about zeolite catalysis.");
            return i % 4 == 0 ? TestPapers.Document(paper, paper.Abstract, $"A second passage of the {version} version.") : TestPapers.Document(paper);
        }),
    ];

    private static async Task<SqlitePaperIndex> OpenAsync(string path)
    {
        var index = new SqlitePaperIndex(path, NullLogger<SqlitePaperIndex>.Instance);
        await index.OpenAsync(TestStores.Embedder);
        return index;
    }

    // FTS5's structure record (rowid 10 of the %_data table): a 4-byte cookie, a 4-byte marker in the version 2 format
    // that contentless_delete uses, then the number of levels and the number of segments as varints.
    private static int Segments(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT block FROM chunks_fts_data WHERE id = 10";
        var record = (byte[])command.ExecuteScalar()!;
        var offset = record.AsSpan(4, 4).SequenceEqual(new byte[] { 0xFF, 0x00, 0x00, 0x01 }) ? 8 : 4;
        ReadVarint(record, ref offset); // levels
        return ReadVarint(record, ref offset);
    }

    // SQLite's varint: big-endian groups of 7 bits, the high bit set on every byte but the last.
    private static int ReadVarint(byte[] bytes, ref int offset)
    {
        var value = 0;
        byte current;
        do
        {
            current = bytes[offset++];
            value = (value << 7) | (current & 0x7F);
        }
        while ((current & 0x80) != 0);

        return value;
    }
}
