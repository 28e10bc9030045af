using System.Globalization;
using Microsoft.Extensions.Options;
using RagPapers.Configuration;

namespace RagPapers.Answering.Llm;

/// <summary>
/// The prompt templates of prompts/ (system.txt, answer.txt, followup.txt), read once at run time so users can
/// tune them without recompiling. The folder is Chat:PromptsPath under the content root, else the copy next to
/// the binaries.
/// </summary>
public sealed class PromptLibrary
{
    public const string SystemFile = "system.txt";
    public const string AnswerFile = "answer.txt";
    public const string FollowUpFile = "followup.txt";

    private readonly PromptTemplate _system;
    private readonly PromptTemplate _answer;
    private readonly PromptTemplate _followUp;

    /// <exception cref="PromptTemplateException">A file is missing or malformed.</exception>
    public PromptLibrary(string folder)
    {
        Folder = folder;
        _system = Load(SystemFile, allowed: ["today"], required: []);
        _answer = Load(AnswerFile, allowed: ["sources", "question", "today"], required: ["sources", "question"]);
        _followUp = Load(FollowUpFile, allowed: ["history", "question", "today"], required: ["history", "question"]);
    }

    public string Folder { get; }

    /// <summary>The library of Chat:PromptsPath (relative to the content root, falling back to the binaries' prompts folder).</summary>
    public static PromptLibrary FromOptions(IOptions<ChatOptions> options, ContentRoot root)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(root);
        var configured = root.Resolve(options.Value.PromptsPath);
        var bundled = Path.Combine(AppContext.BaseDirectory, "prompts");
        return new PromptLibrary(Directory.Exists(configured) || Path.IsPathRooted(options.Value.PromptsPath) ? configured : bundled);
    }

    public string System(DateOnly today) => _system.Render(new Dictionary<string, string> { ["today"] = Format(today) });

    public string Answer(string sources, string question, DateOnly today) =>
        _answer.Render(new Dictionary<string, string> { ["sources"] = sources, ["question"] = question, ["today"] = Format(today) });

    public string FollowUp(string history, string question, DateOnly today) =>
        _followUp.Render(new Dictionary<string, string> { ["history"] = history, ["question"] = question, ["today"] = Format(today) });

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private PromptTemplate Load(string file, HashSet<string> allowed, HashSet<string> required)
    {
        var path = Path.Combine(Folder, file);
        if (!File.Exists(path))
        {
            throw new PromptTemplateException($"The prompt file {path} is missing; restore it from the repository's prompts/ folder or set Chat:PromptsPath to the folder that holds {SystemFile}, {AnswerFile} and {FollowUpFile}.");
        }

        return PromptTemplate.Parse(path, File.ReadAllText(path), allowed, required);
    }
}
