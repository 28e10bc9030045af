using Microsoft.Extensions.Options;

namespace RagPapers.Server.Hosting;

// Source-generated DataAnnotations validator: the range messages already name the config path.
[OptionsValidator]
internal sealed partial class ServerOptionsRangeValidator : IValidateOptions<ServerOptions>;
