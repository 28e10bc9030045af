using Microsoft.Extensions.Options;

namespace RagPapers.Embeddings.MiniLM;

/// <summary>With Embeddings:Provider "MiniLM", start-up fails at once when the weights file is not beside the program, instead of at the first text to embed.</summary>
internal sealed class MiniLmWeightsValidator(string weightsPath) : IValidateOptions<EmbeddingsOptions>
{
    public MiniLmWeightsValidator()
        : this(MiniLmWeights.DefaultPath)
    {
    }

    public ValidateOptionsResult Validate(string? name, EmbeddingsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider != EmbeddingsOptions.MiniLMProvider || File.Exists(weightsPath)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(MiniLmWeights.MissingMessage(weightsPath));
    }
}
