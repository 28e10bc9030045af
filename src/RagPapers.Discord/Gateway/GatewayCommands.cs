using System.Runtime.InteropServices;

namespace RagPapers.Discord.Gateway;

/// <summary>A payload the bot sends: an opcode and its data (for a heartbeat, the last sequence number or null).</summary>
internal sealed record GatewaySend<T>(int Op, T D);

/// <summary>Identify (op 2): starts a new session with the bot token and the intents the bot needs.</summary>
internal sealed record IdentifyData(string Token, IdentifyProperties Properties, int Intents);

internal sealed record IdentifyProperties(string Os, string Browser, string Device)
{
    public static IdentifyProperties Current { get; } = new(OperatingSystemName(), "RagPapers", "RagPapers");

    private static string OperatingSystemName() =>
        RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? "linux"
        : RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "windows"
        : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "macos"
        : RuntimeInformation.IsOSPlatform(OSPlatform.FreeBSD) ? "freebsd"
        : "unknown";
}

/// <summary>Resume (op 6): picks up a dropped session; Discord replays what came after <see cref="Seq"/>.</summary>
internal sealed record ResumeData(string Token, string SessionId, long Seq);
