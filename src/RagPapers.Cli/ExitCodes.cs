namespace RagPapers.Cli;

/// <summary>Exit codes scripts can rely on (documented in the README).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Something the user named could not be used: a missing file, an unreadable or incompatible store.</summary>
    public const int Failure = 1;

    /// <summary>Bad command line or configuration.</summary>
    public const int Usage = 2;

    /// <summary>Interrupted with Ctrl-C (128 + SIGINT, as shells do).</summary>
    public const int Cancelled = 130;
}
