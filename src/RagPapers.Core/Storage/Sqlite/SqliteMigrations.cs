namespace RagPapers.Storage.Sqlite;

/// <summary>
/// The schema's history after version 1, in order. A new step goes at the end with the next version number, and
/// <see cref="SqlitePaperIndex.SchemaVersion"/> follows the last step: every store, old or new, then ends up with
/// the same tables, and a store is upgraded by exactly the steps it lacks.
/// </summary>
internal static class SqliteMigrations
{
    /// <summary>The first version a store can be upgraded from: the schema of the first release.</summary>
    public const int BaseVersion = 1;

    public static IReadOnlyList<SqliteMigration> All { get; } =
    [
        VocabularyMigration.Step,
    ];

    /// <summary>The steps a store of <paramref name="version"/> still needs, in order.</summary>
    public static IEnumerable<SqliteMigration> After(int version) => All.Where(m => m.ToVersion > version);
}
