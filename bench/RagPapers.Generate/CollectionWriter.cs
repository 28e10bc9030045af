using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RagPapers.Generate;

/// <summary>
/// Writes <c>count</c> papers: each abstract is as many sentences as a real abstract drawn at random, each sentence
/// drawn from the whole pool; each title joins the first half of one real title to the second half of another. Ids,
/// dates (2000–2025) and authors are fresh; ids are arXiv-shaped (<see cref="Id"/>). The same pool, count and seed give the same file, byte for byte.
/// </summary>
internal static class CollectionWriter
{
    private static readonly string[] GivenNames = ["Ana", "Bo", "Chen", "Dana", "Emil", "Fatima", "Goran", "Hana", "Ivo", "Jun", "Kofi", "Lea", "Mei", "Nils", "Olga", "Priya"];
    private static readonly string[] FamilyNames = ["Almeida", "Berg", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ito", "Jensen", "Kim", "Lopez", "Moreau", "Novak", "Okafor", "Petrov"];
    private static readonly DateOnly FirstDay = new(2000, 1, 1);
    private const int Days = 26 * 365;

    public static async Task<int> WriteAsync(SentencePool pool, int count, int seed, string path)
    {
        var random = new Random(seed);
        await using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        await using var writer = new Utf8JsonWriter(stream);
        var abstractText = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            abstractText.Clear();
            var sentences = pool.Lengths[random.Next(pool.Lengths.Count)];
            for (var s = 0; s < sentences; s++)
            {
                abstractText.Append(s == 0 ? "" : " ").Append(pool.Sentences[random.Next(pool.Sentences.Count)]);
            }

            writer.WriteStartObject();
            writer.WriteString("id", Id(seed, i));
            writer.WriteString("title", Title(pool, random));
            writer.WriteString("abstract", abstractText.ToString());
            writer.WriteString("authors", $"{Name(random)}, {Name(random)} and {Name(random)}");
            writer.WriteString("update_date", FirstDay.AddDays(random.Next(Days)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.WriteEndObject();
            await writer.FlushAsync();
            stream.WriteByte((byte)'\n');
            writer.Reset();
        }

        return count;
    }

    private static string Title(SentencePool pool, Random random)
    {
        var first = pool.Titles[random.Next(pool.Titles.Count)].Split(' ');
        var second = pool.Titles[random.Next(pool.Titles.Count)].Split(' ');
        return string.Join(' ', first.Take(Math.Max(1, first.Length / 2)).Concat(second.Skip(second.Length / 2)));
    }

    // arXiv-shaped (YYMM.NNNNN), so the ingester keeps the id instead of hashing the title: 100,000 papers a month from
    // a year chosen by the seed.
    private static string Id(int seed, int index)
    {
        var month = index / 100_000;
        var year = (10 + seed + (month / 12)) % 100;
        return string.Create(CultureInfo.InvariantCulture, $"{year:D2}{1 + (month % 12):D2}.{index % 100_000:D5}");
    }

    private static string Name(Random random) => $"{GivenNames[random.Next(GivenNames.Length)]} {FamilyNames[random.Next(FamilyNames.Length)]}";
}
