namespace RagPapers.Embeddings.MiniLM.Inference;

/// <summary>sentence-transformers' pooling for all-MiniLM-L6-v2: the mean of the token vectors under the attention mask, then L2 normalization.</summary>
internal static class MeanPooling
{
    /// <summary>The normalized mean of the first <paramref name="tokens"/> rows of one text's [length × 384] output (the rest is padding).</summary>
    public static float[] Normalized(ReadOnlySpan<float> hidden, int tokens)
    {
        const int dimensions = MiniLmModel.Dimensions;
        Span<double> sum = stackalloc double[dimensions];
        for (var t = 0; t < tokens; t++)
        {
            var row = hidden.Slice(t * dimensions, dimensions);
            for (var d = 0; d < dimensions; d++)
            {
                sum[d] += row[d];
            }
        }

        double norm = 0;
        foreach (var value in sum)
        {
            norm += value * value;
        }

        // Mean then normalize equals normalizing the sum: the 1/tokens factor cancels.
        norm = Math.Sqrt(norm);
        var vector = new float[dimensions];
        for (var d = 0; d < dimensions && norm > 0; d++)
        {
            vector[d] = (float)(sum[d] / norm);
        }

        return vector;
    }
}
