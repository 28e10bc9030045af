using RagPapers.Cli;

return await RootCommandFactory.InvokeAsync(args);
