namespace RagPapers.Papers;

/// <summary>
/// LaTeX accent commands (\'e, \"{o}, \v{s}) as precomposed letters. Composed by table, not by string normalization,
/// because the app runs with invariant globalization, where Normalize(FormC) leaves combining marks alone.
/// </summary>
internal static class LatexAccents
{
    // Accent command → pairs of (base letter, accented letter).
    private static readonly Dictionary<char, string> Composed = new()
    {
        ['\''] = "aáeéiíoóuúyýAÁEÉIÍOÓUÚYÝcćCĆnńNŃsśSŚzźZŹgǵGǴrŕRŔlĺLĹkḱKḰwẃWẂ",
        ['`'] = "aàeèiìoòuùyỳAÀEÈIÌOÒUÙYỲnǹNǸwẁWẀ",
        ['^'] = "aâeêiîoôuûyŷAÂEÊIÎOÔUÛYŶcĉCĈsŝSŜzẑZẐgĝGĜhĥHĤwŵWŴjĵJĴ",
        ['"'] = "aäeëiïoöuüyÿAÄEËIÏOÖUÜYŸtẗhḧHḦwẅWẄ",
        ['~'] = "aãeẽiĩoõuũyỹAÃEẼIĨOÕUŨYỸnñNÑ",
        ['='] = "aāeēiīoōuūyȳAĀEĒIĪOŌUŪYȲgḡGḠ",
        ['.'] = "aȧeėoȯyẏAȦEĖIİOȮYẎcċCĊnṅNṄsṡSṠzżZŻgġGĠrṙRṘtṫTṪdḋDḊhḣHḢwẇWẆ",
        ['c'] = "eȩEȨcçCÇnņNŅsşSŞgģGĢrŗRŖlļLĻtţTŢdḑDḐkķKĶhḩHḨ",
        ['v'] = "aǎeěiǐoǒuǔAǍEĚIǏOǑUǓcčCČnňNŇsšSŠzžZŽgǧGǦrřRŘlľLĽtťTŤdďDĎkǩKǨhȟHȞjǰ",
        ['u'] = "aăeĕiĭoŏuŭAĂEĔIĬOŎUŬgğGĞ",
        ['H'] = "oőuűOŐUŰ",
        ['r'] = "aåuůyẙAÅUŮwẘ",
        ['k'] = "aąeęiįoǫuųAĄEĘIĮOǪUŲ",
    };

    public static bool IsSymbolAccent(char command) => !char.IsAsciiLetter(command) && Composed.ContainsKey(command);

    public static bool IsLetterAccent(string command) => command.Length == 1 && char.IsAsciiLetter(command[0]) && Composed.ContainsKey(command[0]);

    /// <summary>The accented letter; an unknown combination keeps the plain letter rather than inventing one.</summary>
    public static char Compose(char accent, char letter)
    {
        var pairs = Composed[accent];
        for (var i = 0; i < pairs.Length; i += 2)
        {
            if (pairs[i] == letter)
            {
                return pairs[i + 1];
            }
        }

        return letter;
    }
}
