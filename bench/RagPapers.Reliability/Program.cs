using RagPapers.Reliability;

// The reliability campaigns of issue #18, run as real processes on loopback; see docs/reliability.md.
return await CampaignRunner.RunAsync(args);
