using RagPapers.Cli.Hosting;

return await RootCommandFactory.InvokeAsync(args);
