using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace RagPapers.Server.Tests.Qdrant;

/// <summary>
/// The server's embedder, but one question (<see cref="Marker"/>) takes <see cref="Delay"/> to embed, so its search
/// reaches Qdrant well after the deferred Discord reply: a test that looked at Qdrant's calls as soon as the reply was
/// logged would find none, as <c>DiscordAsk_OnQdrant_…</c> once did on a busy machine.
/// </summary>
internal sealed class DelayedQuestionEmbedder(IEmbeddingGenerator<string, Embedding<float>> inner)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    public const string Marker = "speech encoders";

    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(300);

    /// <summary>Wraps the embedder Program registered.</summary>
    public static void Register(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IEmbeddingGenerator<string, Embedding<float>>));
        var factory = registered.ImplementationFactory
            ?? throw new InvalidOperationException("The embedder is no longer registered through a factory; wrap it the way it is registered now.");
        services.Remove(registered);
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp => new DelayedQuestionEmbedder((IEmbeddingGenerator<string, Embedding<float>>)factory(sp)));
    }

    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        if (texts.Any(text => text.Contains(Marker, StringComparison.OrdinalIgnoreCase)))
        {
            await Task.Delay(Delay, cancellationToken);
        }

        return await base.GenerateAsync(texts, options, cancellationToken);
    }
}
