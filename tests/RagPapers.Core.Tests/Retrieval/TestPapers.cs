using RagPapers.Papers;

namespace RagPapers.Core.Tests.Retrieval;

/// <summary>A small collection with two near-duplicate topics (video diffusion) and several distinct ones.</summary>
internal static class TestPapers
{
    public static readonly Paper VideoDiffusion = new(
        "2204.03458", "Video Diffusion Models",
        "Generating temporally coherent high fidelity video is an important milestone in generative modeling research. "
        + "We present a diffusion model for video generation that shows very promising initial results. "
        + "Our model is a natural extension of the standard image diffusion architecture.",
        ["J. Ho"], new DateOnly(2022, 4, 7), "a.txt", "2204.03458");

    public static readonly Paper ImagenVideo = new(
        "2210.02303", "Imagen Video: High Definition Video Generation with Diffusion Models",
        "We present Imagen Video, a text-conditional video generation system based on a cascade of video diffusion models. "
        + "Given a text prompt, Imagen Video generates high definition videos using a base video generation model and interleaved super-resolution models.",
        ["J. Ho"], new DateOnly(2022, 10, 5), "b.txt", "2210.02303");

    public static readonly Paper MolecularGraphs = new(
        "2103.00001", "Graph Neural Networks for Molecular Property Prediction",
        "Molecules are naturally represented as graphs of atoms and bonds. "
        + "We train message passing graph neural networks to predict molecular properties such as solubility and toxicity.",
        ["A. Chem"], new DateOnly(2021, 3, 1), "b.txt");

    public static readonly Paper ScalingLaws = new(
        "2001.08361", "Scaling Laws for Neural Language Models",
        "We study empirical scaling laws for language model performance on the cross-entropy loss. "
        + "The loss scales as a power-law with model size, dataset size, and the amount of compute used for training.",
        ["J. Kaplan"], new DateOnly(2020, 1, 23), "a.txt", "2001.08361");

    public static readonly Paper SpeculativeDecoding = new(
        "2211.17192", "Fast Inference from Transformers via Speculative Decoding",
        "Inference from large autoregressive models like Transformers is slow. "
        + "We introduce speculative decoding, an algorithm to sample from autoregressive models faster without changing the outputs.",
        ["Y. Leviathan"], new DateOnly(2022, 11, 30), "c.txt", "2211.17192");

    public static readonly Paper HumanFeedback = new(
        "2203.02155", "Training Language Models to Follow Instructions with Human Feedback",
        "We fine-tune language models with reinforcement learning from human feedback. "
        + "Labelers rank model outputs, a reward model is trained on the rankings, and the policy is optimized against it.",
        ["L. Ouyang"], new DateOnly(2022, 3, 4), "c.txt", "2203.02155");

    public static readonly Paper ContrastiveVision = new(
        "2002.05709", "A Simple Framework for Contrastive Learning of Visual Representations",
        "We present SimCLR, a simple framework for contrastive learning of visual representations. "
        + "Composition of data augmentations and a learnable nonlinear transformation improve the learned representations.",
        ["T. Chen"], new DateOnly(2020, 2, 13), "a.txt", "2002.05709");

    public static readonly Paper ProteinStructure = new(
        "t-0123456789abcdef", "Highly Accurate Protein Structure Prediction",
        "Proteins are essential to life. "
        + "We present a neural network that predicts the three-dimensional structure of a protein from its amino acid sequence.",
        ["J. Jumper"], null, "d.txt");

    public static Paper[] All =>
        [VideoDiffusion, ImagenVideo, MolecularGraphs, ScalingLaws, SpeculativeDecoding, HumanFeedback, ContrastiveVision, ProteinStructure];
}
