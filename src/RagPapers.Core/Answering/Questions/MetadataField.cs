namespace RagPapers.Answering.Questions;

/// <summary>Facts about a paper that are not in its abstract, which a question may ask for.</summary>
[Flags]
public enum MetadataField
{
    None = 0,
    Authors = 1,
    Date = 2,
    Venue = 4,
    Citations = 8,
}
