using RagPapers.Configuration;
using RagPapers.Discord.Hosting;
using RagPapers.Embeddings.MiniLM.Hosting;
using RagPapers.Hosting;
using RagPapers.Server.Endpoints;
using RagPapers.Server.Hosting;
using RagPapers.Server.WebChat;

// The HTTP front-end: the same core as the console, the same appsettings.json (found above the working folder).
var root = ContentRoot.Locate();
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = root.Path });
builder.Configuration.AddRagPapersServerSources(root, args);
builder.Services.AddRagPapers(builder.Configuration, root);
builder.Services.AddMiniLmEmbedder();
builder.Services.AddRagPapersServer(builder.Configuration);
builder.Services.AddRagPapersDiscord(builder.Configuration);

var app = builder.Build();
app.UseRagPapersServer();
app.UseWebChat();
app.MapHealthEndpoints();
app.MapAskEndpoints();
app.MapSearchEndpoints();
app.MapPaperEndpoints();
app.MapIngestEndpoints();
app.MapOperationsEndpoints();
app.MapDiscordInteractions();
await app.RunAsync();
