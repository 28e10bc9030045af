namespace RagPapers.Server.Tests.Readme;

/// <summary>
/// One captured HTTP request of the README: the "$ curl …" command (continuation lines joined), the response shown
/// under it, where that response sits in the README, and why it is not run when it cannot be (null: it is run).
/// </summary>
public sealed record HttpExample(string Command, IReadOnlyList<string> Output, int OutputStart, int OutputEnd, string? NotRun);
