namespace RagPapers.Reliability;

/// <summary>What one campaign did and found: its figures as a table row, and whether every figure met its target.</summary>
internal sealed record CampaignResult(string Campaign, string Runs, string Figures, string Target, bool Passed);
