using Microsoft.Extensions.Options;

namespace RagPapers.Storage;

/// <summary>The DataAnnotations rules of <see cref="StoreOptions"/>, source-generated: no reflection at start-up.</summary>
[OptionsValidator]
internal sealed partial class StoreOptionsValidator : IValidateOptions<StoreOptions>;
