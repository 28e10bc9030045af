namespace RagPapers.Storage.Sqlite;

/// <summary>What a porter rule asks of the stem left once the suffix is taken off (m is the number of vowel-consonant runs).</summary>
internal enum PorterCondition
{
    None,
    MeasureAbove0,
    MeasureAbove1,
    MeasureAbove1EndingSOrT,
}
