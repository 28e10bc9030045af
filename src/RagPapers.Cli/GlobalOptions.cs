using System.CommandLine;

namespace RagPapers.Cli;

/// <summary>Options every command takes.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Store = OptionParsers.Text(
        "--store",
        "The SQLite store file to use instead of Store:Sqlite:Path (created if missing).",
        "PATH",
        "the path of a store file",
        recursive: true);

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print JSON instead of text.",
    };

    public static readonly Option<bool> NoWait = new("--no-wait")
    {
        Description = "Do not wait for the semantic index (vectors still being computed): answer from keyword search at once.",
    };
}
