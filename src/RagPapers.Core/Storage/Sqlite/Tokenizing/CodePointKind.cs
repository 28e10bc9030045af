namespace RagPapers.Storage.Sqlite;

/// <summary>What a code point is to FTS5's unicode61 tokenizer.</summary>
internal enum CodePointKind : byte
{
    /// <summary>Ends a token; skipped between tokens.</summary>
    Separator,

    /// <summary>A letter, digit or private-use character: starts or continues a token.</summary>
    Alnum,

    /// <summary>A combining diacritic: continues a token, never starts one.</summary>
    Diacritic,
}
