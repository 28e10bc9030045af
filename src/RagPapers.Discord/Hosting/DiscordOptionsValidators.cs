using Microsoft.Extensions.Options;

namespace RagPapers.Discord.Hosting;

// Source-generated DataAnnotations validator: no reflection at start-up; every message names its Discord:* path.
[OptionsValidator]
internal sealed partial class DiscordOptionsValidator : IValidateOptions<DiscordOptions>;
