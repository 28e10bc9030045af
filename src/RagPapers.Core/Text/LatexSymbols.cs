namespace RagPapers.Text;

/// <summary>LaTeX control words as the characters they print: Greek letters and the math symbols abstracts use.</summary>
internal static class LatexSymbols
{
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        ["alpha"] = "α", ["beta"] = "β", ["gamma"] = "γ", ["delta"] = "δ", ["epsilon"] = "ε", ["varepsilon"] = "ε",
        ["zeta"] = "ζ", ["eta"] = "η", ["theta"] = "θ", ["vartheta"] = "ϑ", ["iota"] = "ι", ["kappa"] = "κ",
        ["lambda"] = "λ", ["mu"] = "μ", ["nu"] = "ν", ["xi"] = "ξ", ["pi"] = "π", ["rho"] = "ρ", ["sigma"] = "σ",
        ["tau"] = "τ", ["upsilon"] = "υ", ["phi"] = "φ", ["varphi"] = "φ", ["chi"] = "χ", ["psi"] = "ψ", ["omega"] = "ω",
        ["Gamma"] = "Γ", ["Delta"] = "Δ", ["Theta"] = "Θ", ["Lambda"] = "Λ", ["Xi"] = "Ξ", ["Pi"] = "Π", ["Sigma"] = "Σ",
        ["Upsilon"] = "Υ", ["Phi"] = "Φ", ["Psi"] = "Ψ", ["Omega"] = "Ω",
        ["times"] = "×", ["cdot"] = "·", ["pm"] = "±", ["mp"] = "∓", ["leq"] = "≤", ["le"] = "≤", ["geq"] = "≥", ["ge"] = "≥",
        ["neq"] = "≠", ["ne"] = "≠", ["approx"] = "≈", ["sim"] = "~", ["simeq"] = "≃", ["equiv"] = "≡", ["propto"] = "∝",
        ["infty"] = "∞", ["in"] = "∈", ["notin"] = "∉", ["subset"] = "⊂", ["subseteq"] = "⊆", ["cup"] = "∪", ["cap"] = "∩",
        ["to"] = "→", ["rightarrow"] = "→", ["leftarrow"] = "←", ["Rightarrow"] = "⇒", ["leftrightarrow"] = "↔",
        ["mapsto"] = "↦", ["ll"] = "≪", ["gg"] = "≫", ["sum"] = "∑", ["prod"] = "∏", ["int"] = "∫", ["partial"] = "∂",
        ["nabla"] = "∇", ["forall"] = "∀", ["exists"] = "∃", ["circ"] = "∘", ["ell"] = "ℓ", ["ldots"] = "…", ["dots"] = "…",
        ["cdots"] = "⋯", ["sqrt"] = "√", ["log"] = "log", ["exp"] = "exp", ["max"] = "max", ["min"] = "min",
        ["LaTeX"] = "LaTeX", ["TeX"] = "TeX", ["textendash"] = "–", ["textemdash"] = "—", ["S"] = "§", ["P"] = "¶", ["quad"] = " ", ["qquad"] = " ",
    };

    // Font and size switches: "{\it without}" is "without".
    private static readonly HashSet<string> Switches = new(StringComparer.Ordinal)
    {
        "it", "bf", "em", "sc", "rm", "tt", "sf", "sl", "up", "md", "normalfont", "itshape", "bfseries", "scshape",
        "tiny", "scriptsize", "footnotesize", "small", "normalsize", "large", "Large", "LARGE", "huge", "Huge",
        "displaystyle", "textstyle", "left", "right", "big", "Big", "bigl", "bigr", "noindent",
    };

    // Commands whose argument is not text to read: references and labels vanish with it.
    private static readonly HashSet<string> Silent = new(StringComparer.Ordinal)
    {
        "cite", "citep", "citet", "ref", "eqref", "label", "footnote", "vspace", "hspace",
    };

    // Commands whose first argument is a setting (a colour, a URL) and whose second is the text shown.
    private static readonly HashSet<string> SettingThenText = new(StringComparer.Ordinal) { "textcolor", "colorbox", "href" };

    public static bool TryGetSymbol(string name, out string symbol) => Symbols.TryGetValue(name, out symbol!);

    public static bool IsSwitch(string name) => Switches.Contains(name);

    public static bool IsSilent(string name) => Silent.Contains(name);

    public static bool TakesSettingThenText(string name) => SettingThenText.Contains(name);
}
