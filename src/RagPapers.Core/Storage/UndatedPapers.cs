namespace RagPapers.Storage;

/// <summary>How many papers a date range leaves out because their date is unknown, so a front-end can say so.</summary>
public static class UndatedPapers
{
    /// <summary>The undated papers <paramref name="filter"/> excludes (those of its source file only); 0 without a date range or when it includes them.</summary>
    public static async Task<int> CountExcludedAsync(IPaperIndex index, SearchFilter? filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        if (filter is not { HasDateRange: true, IncludeUndated: false })
        {
            return 0;
        }

        var source = string.IsNullOrEmpty(filter.Source) ? null : filter.Source;
        if (index.GetService<IUndatedPaperCount>() is { } counter)
        {
            return await counter.CountUndatedPapersAsync(source, cancellationToken);
        }

        var count = 0;
        await foreach (var paper in index.ListPapersAsync(cancellationToken))
        {
            if (paper.Published is null && (source is null || string.Equals(paper.Source, source, StringComparison.OrdinalIgnoreCase)))
            {
                count++;
            }
        }

        return count;
    }
}
