using System.Runtime.CompilerServices;
using Qdrant.Client.Grpc;
using RagPapers.Papers;

namespace RagPapers.Storage.Qdrant;

public sealed partial class QdrantPaperIndex
{
    /// <summary>
    /// Dated papers newest first through order_by on the datetime index, which pages by value: the next page starts
    /// from the last date seen (inclusive) and leaves out the points already returned at that date. Papers of one
    /// date are sorted by title once the date is complete. Undated papers, which order_by skips, come last by title.
    /// </summary>
    public async IAsyncEnumerable<Paper> ListPapersAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var qdrant = Opened();
        var sameDate = new List<(PointId Id, Paper Paper)>();
        string? date = null;
        for (var full = true; full;)
        {
            var filter = new Filter { Must = { QdrantFilters.IsPaper } };
            if (sameDate.Count > 0)
            {
                filter.MustNot.Add(new Condition { HasId = new HasIdCondition { HasId = { sameDate.Select(p => p.Id) } } });
            }

            var orderBy = new OrderBy { Key = QdrantNames.Published, Direction = Direction.Desc };
            if (date is not null)
            {
                orderBy.StartFrom = new StartFrom { Datetime = date };
            }

            var page = (await qdrant.CallAsync("Points/Scroll", (c, ct) => c.ScrollAsync(_collection, filter, (uint)PageSize, null, AllFields, NoVectors, orderBy: orderBy, cancellationToken: ct), cancellationToken)).Result;
            foreach (var point in page)
            {
                var published = PaperPoints.Text(point.Payload, QdrantNames.Published);
                if (published != date)
                {
                    foreach (var paper in ByTitle(sameDate.Select(p => p.Paper)))
                    {
                        yield return paper;
                    }

                    sameDate.Clear();
                    date = published;
                }

                sameDate.Add((point.Id, PaperPoints.ToPaper(point.Payload)));
            }

            full = page.Count == PageSize;
        }

        foreach (var paper in ByTitle(sameDate.Select(p => p.Paper)))
        {
            yield return paper;
        }

        var undated = new List<Paper>();
        await foreach (var point in ScrollAllAsync(QdrantFilters.UndatedPapers(), AllFields, NoVectors, cancellationToken))
        {
            undated.Add(PaperPoints.ToPaper(point.Payload));
        }

        foreach (var paper in ByTitle(undated))
        {
            yield return paper;
        }
    }

    private static IEnumerable<Paper> ByTitle(IEnumerable<Paper> papers) =>
        papers.OrderBy(p => p.Title, StringComparer.Ordinal).ThenBy(p => p.Id, StringComparer.Ordinal);
}
