using Microsoft.Extensions.Options;

namespace RagPapers.Ingestion;

/// <summary>The DataAnnotations rules of <see cref="IngestionOptions"/>, source-generated: no reflection at start-up.</summary>
[OptionsValidator]
internal sealed partial class IngestionOptionsValidator : IValidateOptions<IngestionOptions>;
