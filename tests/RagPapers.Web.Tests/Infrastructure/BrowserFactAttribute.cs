namespace RagPapers.Web.Tests.Infrastructure;

/// <summary>A test that drives the page in Chromium: skipped, with the reason printed, where Chromium is missing.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
