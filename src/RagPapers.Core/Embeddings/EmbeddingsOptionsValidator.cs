using Microsoft.Extensions.Options;

namespace RagPapers.Embeddings;

/// <summary>The DataAnnotations rules of <see cref="EmbeddingsOptions"/>, source-generated: no reflection at start-up.</summary>
[OptionsValidator]
internal sealed partial class EmbeddingsOptionsValidator : IValidateOptions<EmbeddingsOptions>;
