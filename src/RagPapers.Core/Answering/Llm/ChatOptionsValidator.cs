using Microsoft.Extensions.Options;

namespace RagPapers.Answering.Llm;

/// <summary>The DataAnnotations rules of <see cref="ChatOptions"/>, source-generated: no reflection at start-up.</summary>
[OptionsValidator]
internal sealed partial class ChatOptionsValidator : IValidateOptions<ChatOptions>;
