using RagPapers.Embeddings.MiniLM.Quantization;

namespace RagPapers.Embeddings.MiniLM.Tests.Quantization;

public sealed class ColumnQuantizerTests
{
    [Fact]
    public void Quantize_TwoColumns_EachScaledByItsOwnLargestMagnitude()
    {
        // Column 0 holds 1.0 and -0.25: scale 1/127, codes 127 and round(-31.75) = -32.
        // Column 1 holds 0.02 and 0.005: scale 0.02/127, codes 127 and round(31.75) = 32; a shared scale would give it 3 and 1.
        float[] weights = [1.0f, 0.02f, -0.25f, 0.005f];

        var sut = ColumnQuantizer.Quantize(weights, rows: 2, columns: 2, limit: 127);

        Assert.Equal([127, 127, -32, 32], sut.Values.Select(v => (int)v));
        Assert.Equal(1f / 127, sut.Scales[0], 6);
        Assert.Equal(0.02f / 127, sut.Scales[1], 6);
    }

    [Fact]
    public void Quantize_SevenBitLimit_CodesStayWithin63()
    {
        float[] weights = [-2f, 0.9f, 0.5f, 2f];

        var sut = ColumnQuantizer.Quantize(weights, rows: 4, columns: 1, limit: 63);

        // Scale 2/63: -2 → -63, 0.9 → 28.35 → 28, 0.5 → 15.75 → 16, 2 → 63.
        Assert.Equal([-63, 28, 16, 63], sut.Values.Select(v => (int)v));
    }

    [Fact]
    public void Quantize_ZeroColumn_ZerosWithUnitScale()
    {
        var sut = ColumnQuantizer.Quantize([0f, 0f], rows: 2, columns: 1, limit: 127);

        Assert.Equal([0, 0], sut.Values.Select(v => (int)v));
        Assert.Equal(1f, sut.Scales[0]);
    }
}
