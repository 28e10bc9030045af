using Microsoft.Extensions.AI;
using RagPapers.Embeddings.MiniLM.Inference;

namespace RagPapers.Embeddings.MiniLM.Tests;

public sealed class MiniLmWeightsTests
{
    [Fact]
    public async Task GenerateAsync_WeightsFileMissing_ErrorNamesThePathAndTheWayOut()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ragpapers-no-weights-{Guid.NewGuid():N}", MiniLmWeights.FileName);
        using var sut = new MiniLmEmbeddingGenerator(path);

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => sut.GenerateVectorAsync("x"));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("Embeddings:Provider to \"Local\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_WeightsFileNotAnAssembly_ErrorSaysWhatTheFileIsNot()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ragpapers-bad-weights-{Guid.NewGuid():N}.dll");
        await File.WriteAllTextAsync(path, "not a model");
        try
        {
            using var sut = new MiniLmEmbeddingGenerator(path);

            var error = await Assert.ThrowsAsync<InvalidDataException>(() => sut.GenerateVectorAsync("x"));

            Assert.Contains("is not the MiniLM weights assembly", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Validate_MiniLMChosenAndWeightsMissing_FailsAtStartUpNamingThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ragpapers-no-weights-{Guid.NewGuid():N}", MiniLmWeights.FileName);
        var sut = new MiniLmWeightsValidator(path);

        var miniLm = sut.Validate(null, new EmbeddingsOptions { Provider = EmbeddingsOptions.MiniLMProvider });
        var local = sut.Validate(null, new EmbeddingsOptions { Provider = EmbeddingsOptions.LocalProvider });

        Assert.True(miniLm.Failed);
        Assert.Contains(path, miniLm.FailureMessage, StringComparison.Ordinal);
        Assert.True(local.Succeeded);
    }

    [Fact]
    public void Validate_MiniLMChosenAndWeightsBuilt_Succeeds()
    {
        var result = new MiniLmWeightsValidator().Validate(null, new EmbeddingsOptions { Provider = EmbeddingsOptions.MiniLMProvider });

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Load_BuiltWeights_HoldTheGraphAndTheUncasedVocabulary()
    {
        var weights = MiniLmWeights.Open(MiniLmWeights.DefaultPath);

        var vocabulary = System.Text.Encoding.UTF8.GetString(weights.ReadVocabulary()).Split('\n');
        Assert.Equal(30522, vocabulary.Count(v => v.Length > 0));
        Assert.Equal("[CLS]", vocabulary[101].Trim());
        Assert.Equal("[SEP]", vocabulary[102].Trim());
        using var model = weights.OpenModel();
        Assert.True(model.Length > 80_000_000, $"{model.Length} bytes");
    }
}
