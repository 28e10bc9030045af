using Google.Protobuf;
using Onnx;
using RagPapers.Embeddings.MiniLM.Quantization;

namespace RagPapers.Embeddings.MiniLM.Tests.Quantization;

/// <summary>The on-disk cache of the int8 model, with a small source file and a rewrite that counts its calls.</summary>
public sealed class Int8ModelCacheTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"ragpapers-int8-cache-{Guid.NewGuid():N}");
    private readonly string _source;
    private int _rewrites;

    public Int8ModelCacheTests()
    {
        Directory.CreateDirectory(_root);
        _source = Path.Combine(_root, "weights.dll");
        File.WriteAllText(_source, "weights, version 1");
    }

    [Fact]
    public void GetOrCreate_SecondTime_ServesTheFileWithoutRewriting()
    {
        var sut = Cache(Folder("models"));

        var first = sut.GetOrCreate(Rewrite);
        var second = sut.GetOrCreate(Rewrite);

        Assert.Equal(1, _rewrites);
        Assert.NotNull(first.Path);
        Assert.Equal(first.Path, second.Path);
        Assert.Equal(Rewrite("x").ToByteArray(), File.ReadAllBytes(first.Path));
    }

    [Fact]
    public void GetOrCreate_SourceChanged_RebuiltUnderTheNewHashAndTheStaleFileRemoved()
    {
        var sut = Cache(Folder("models"));
        var stale = sut.GetOrCreate(Rewrite).Path!;

        File.WriteAllText(_source, "weights, version 2");
        var fresh = sut.GetOrCreate(Rewrite).Path!;

        Assert.Equal(2, _rewrites);
        Assert.NotEqual(stale, fresh);
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(fresh));
        Assert.Contains(sut.SourceHash(), Path.GetFileName(fresh), StringComparison.Ordinal);
    }

    [Fact]
    public void GetOrCreate_FirstFolderUnwritable_WrittenToTheNext()
    {
        // A folder under a plain file can never be created, whoever runs the test (root ignores permission bits).
        var blocked = Path.Combine(_source, "models");
        var fallback = Folder("cache");
        var refused = new List<string>();

        var model = Cache(blocked, fallback).GetOrCreate(Rewrite, (folder, _) => refused.Add(folder));

        Assert.Equal([blocked], refused);
        Assert.StartsWith(fallback, model.Path, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(fallback, "*.tmp"));
    }

    [Fact]
    public void GetOrCreate_NoFolderWritable_ModelKeptInMemory()
    {
        var model = Cache(Path.Combine(_source, "a"), Path.Combine(_source, "b")).GetOrCreate(Rewrite);

        Assert.Null(model.Path);
        Assert.Equal(Rewrite("x").ToByteArray(), model.Bytes);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private Int8ModelCache Cache(params string[] folders) => new(_source, "tiny", "int8-test", folders);

    private string Folder(string name) => Path.Combine(_root, name);

    private ModelProto Rewrite(string hash)
    {
        _rewrites++;
        var model = TinyGraphs.LinearLayer(new float[12], new float[3]);
        model.ProducerName = "test rewrite";
        return model;
    }
}
