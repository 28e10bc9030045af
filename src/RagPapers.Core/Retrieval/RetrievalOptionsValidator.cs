using Microsoft.Extensions.Options;

namespace RagPapers.Retrieval;

/// <summary>The DataAnnotations rules of <see cref="RetrievalOptions"/>, source-generated: no reflection at start-up.</summary>
[OptionsValidator]
internal sealed partial class RetrievalOptionsValidator : IValidateOptions<RetrievalOptions>;
