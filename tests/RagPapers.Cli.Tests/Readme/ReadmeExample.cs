namespace RagPapers.Cli.Tests.Readme;

/// <summary>
/// One captured command of the README: the "$ dotnet run --project src/RagPapers.Cli -- …" line, the lines typed
/// into it (the chat's "> " lines) and the output shown under it, with where that output sits in the README.
/// </summary>
/// <param name="OutputStart">Index of the README line where the shown output starts.</param>
/// <param name="OutputEnd">Index of the README line after the shown output.</param>
public sealed record ReadmeExample(string CommandLine, IReadOnlyList<string> Arguments, IReadOnlyList<string> Input, IReadOnlyList<string> Output, int OutputStart, int OutputEnd);
