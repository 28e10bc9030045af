using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using RagPapers.Embeddings.MiniLM.Quantization;
using RagPapers.Embeddings.MiniLM.Inference;

namespace RagPapers.Embeddings.MiniLM.Tests.Quantization;

/// <summary>The rewrite of the real all-MiniLM-L6-v2 graph, and the model running when no cache folder can be written.</summary>
public sealed class MiniLmInt8Tests
{
    [Fact]
    public void Rewrite_RealModel_AttentionFusedAndAllButTwoProductsInInt8()
    {
        using var fp32 = MiniLmWeights.Open(MiniLmWeights.DefaultPath).OpenModel();

        var sut = MiniLmInt8.Rewrite(fp32, weightLimit: 63, unpadded: true, sourceHash: "test");

        var ops = sut.Graph.Node.GroupBy(n => n.OpType).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(6, ops["MultiHeadAttention"]);
        Assert.Equal(34, ops["DynamicQuantizeMatMul"]);
        Assert.Equal(2, ops["MatMul"]);
        Assert.False(ops.ContainsKey("Softmax"));
        Assert.Equal("last_hidden_state", Assert.Single(sut.Graph.Output).Name);
        Assert.Contains(sut.MetadataProps, p => p.Key == "ragpapers.source_sha256_prefix" && p.Value == "test");
    }

    [Fact]
    public async Task GenerateAsync_CacheHoldsRewritesOfAnotherSource_MakesTheCurrentOneAndNeverServesThem()
    {
        // A start opens the rewrite it finds by name while it hashes the source: one of another source (here the real
        // rewrite under another hash, and a file ONNX Runtime cannot read) must give way to a rewrite made now.
        using var cached = new MiniLmEmbeddingGenerator();
        var expected = await cached.GenerateVectorAsync("Self-supervised speech representations");
        var current = MiniLmInt8.CacheFor(MiniLmWeights.DefaultPath, MiniLmRuntimeOptions.Default.WeightLimit, MiniLmRuntimeOptions.Default.Unpadded);
        var folder = Directory.CreateTempSubdirectory("ragpapers-int8-stale-").FullName;
        try
        {
            var name = Path.GetFileName(current.Candidate()!);
            var prefix = name[..(name.LastIndexOf('-') + 1)];
            File.Copy(current.Candidate()!, Path.Combine(folder, prefix + "0123456789abcdef.onnx"));
            File.WriteAllText(Path.Combine(folder, prefix + "fedcba9876543210.onnx"), "not a model");
            using var sut = new MiniLmEmbeddingGenerator(MiniLmWeights.DefaultPath, MiniLmRuntimeOptions.Default with { CacheFolders = [folder] });

            var actual = await sut.GenerateVectorAsync("Self-supervised speech representations");

            Assert.Equal(expected.ToArray(), actual.ToArray());
            var left = Assert.Single(Directory.GetFiles(folder));
            Assert.True(current.IsRewriteOf(left, current.SourceHash()));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task GenerateAsync_NoCacheFolderWritable_RunsFromMemoryWithTheSameVectors()
    {
        var file = Path.GetTempFileName();
        try
        {
            // Folders under a plain file cannot be created, whoever runs the test.
            var options = MiniLmRuntimeOptions.Default with { CacheFolders = [Path.Combine(file, "models"), Path.Combine(file, "cache")] };
            using var sut = new MiniLmEmbeddingGenerator(MiniLmWeights.DefaultPath, options);
            using var cached = new MiniLmEmbeddingGenerator();

            var fromMemory = await sut.GenerateVectorAsync("Self-supervised speech representations");
            var fromFile = await cached.GenerateVectorAsync("Self-supervised speech representations");

            Assert.Equal(1f, TensorPrimitives.CosineSimilarity(fromMemory.Span, fromFile.Span), 5);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
