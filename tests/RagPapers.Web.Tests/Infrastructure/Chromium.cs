namespace RagPapers.Web.Tests.Infrastructure;

/// <summary>
/// Debian's chromium, driven by Playwright (never "playwright install": no browser can be downloaded here).
/// RAGPAPERS_CHROMIUM names another executable. On a machine without it the browser tests are skipped with the
/// reason; under CI (CI=true, where .ci/run installs it) they run, and fail if it is missing.
/// </summary>
public static class Chromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>
    /// Headless, no sandbox (CI runs as root), no GPU; no QUIC, first-run, background networking, component updates or
    /// sync: Chromium's own connections are refused in this closed network and would only slow it down.
    /// </summary>
    public static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public static string ExecutablePath { get; } =
        Environment.GetEnvironmentVariable("RAGPAPERS_CHROMIUM") is { Length: > 0 } path ? path : DefaultPath;

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string MissingReason =>
        $"Chromium not found at {ExecutablePath}: install Debian's chromium (sudo apt-get install chromium) "
        + "or set RAGPAPERS_CHROMIUM to a Chromium executable, then run the browser tests again.";

    /// <summary>The reason to skip a browser test, or null to run it (always under CI).</summary>
    public static string? SkipReason => IsInstalled || IsCi ? null : MissingReason;
}
