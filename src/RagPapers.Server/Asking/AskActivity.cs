using System.Diagnostics;

namespace RagPapers.Server.Asking;

/// <summary>
/// The activity that spans one ask. It carries the ask's <see cref="AskTimings"/> down the call, so the retriever
/// decorator can time retrieval without a PaperAssistant built per request; with tracing on, it is also a span.
/// </summary>
internal static class AskActivity
{
    public static readonly ActivitySource Source = new("RagPapers.Server.Asking");

    private const string TimingsProperty = "ragpapers.ask.timings";

    /// <summary>Starts the ask's activity; a plain one when no listener samples the source, as timings need it either way.</summary>
    public static Activity Start(AskTimings timings)
    {
        var activity = Source.StartActivity("ask") ?? new Activity("ask").Start();
        activity.SetCustomProperty(TimingsProperty, timings);
        return activity;
    }

    /// <summary>The timings of the ask running on this flow, or null outside an ask (search, similar papers).</summary>
    public static AskTimings? CurrentTimings()
    {
        for (var activity = Activity.Current; activity is not null; activity = activity.Parent)
        {
            if (activity.GetCustomProperty(TimingsProperty) is AskTimings timings)
            {
                return timings;
            }
        }

        return null;
    }
}
