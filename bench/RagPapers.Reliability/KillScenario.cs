namespace RagPapers.Reliability;

/// <summary>
/// One kill -9 scenario: what to set up, the command to kill while it writes, how to tell it has started writing,
/// and what must hold after the kill and after a resumed run. A new scenario is one more entry in
/// <see cref="KillCampaign.Scenarios"/>.
/// </summary>
/// <param name="Prepare">Writes the inputs into the folder (and may run the CLI to fill the store); returns the arguments of the run to kill.</param>
/// <param name="Writing">True once the run has committed something, so the kill lands mid-work.</param>
/// <param name="AfterKill">Null when what the killed run left is acceptable, else why not (the store's consistency is checked besides).</param>
/// <param name="AfterResume">Null when the resumed run completed the work, else why not.</param>
internal sealed record KillScenario(
    string Name,
    Func<string, Task<string[]>> Prepare,
    Func<string, bool> Writing,
    Func<string, string?> AfterKill,
    Func<ResumedRun, string?> AfterResume)
{
    /// <summary>Environment of both runs (configuration through RAGPAPERS_ variables); null: small ingestion batches.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>The arguments of the resuming run from those of the killed one; null: the same command again.</summary>
    public Func<string[], string[]>? ResumeArguments { get; init; }

    /// <summary>How far the work got, read from the store right after the kill and handed to <see cref="AfterResume"/>.</summary>
    public Func<string, long>? Progress { get; init; }
}

/// <summary>What a resumed run is judged on: the store, the progress the kill left, and what the run printed.</summary>
internal sealed record ResumedRun(string Store, long ProgressAfterKill, string StandardOutput, string StandardError);
