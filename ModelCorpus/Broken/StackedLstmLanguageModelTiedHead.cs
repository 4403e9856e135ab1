using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// The StackedLstmLanguageModel with its decoder built as Linear(EmbeddingSize, Vocabulary) to tie
    /// its weight to the embedding's; tying needs Hidden == EmbeddingSize, and the upper LSTM outputs
    /// Hidden features.
    /// </summary>
    public sealed class StackedLstmLanguageModelTiedHead : nn.Module<Tensor, Tensor>
    {
        private const long Vocabulary = 1000;
        private const long EmbeddingSize = 128;
        private const long Hidden = 256;
        private const long Layers = 2;

        private readonly Embedding embedding;
        private readonly LSTM lower;
        private readonly LSTM upper;
        private readonly Linear decoder;

        public StackedLstmLanguageModelTiedHead()
            : base(nameof(StackedLstmLanguageModelTiedHead))
        {
            embedding = nn.Embedding(Vocabulary, EmbeddingSize);
            lower = nn.LSTM(EmbeddingSize, Hidden, numLayers: Layers, dropout: 0.2);
            upper = nn.LSTM(Hidden, Hidden);
            decoder = nn.Linear(EmbeddingSize, Vocabulary);
            decoder.weight = embedding.weight!;
            RegisterComponents();
        }

        public override Tensor forward(Tensor tokens)
        {
            var batch = tokens.shape[1];
            var h0 = torch.zeros(Layers, batch, Hidden);
            var c0 = torch.zeros(Layers, batch, Hidden);
            var (lowerOutput, _, _) = lower.call(embedding.call(tokens), (h0, c0));
            var (upperOutput, _, _) = upper.call(lowerOutput);

            // libtorch: mat1 and mat2 shapes cannot be multiplied (40x256 and 128x1000)
            return decoder.call(/*~RNN010*/upperOutput/*~*/);
        }

        public static Tensor Run()
        {
            using var model = new StackedLstmLanguageModelTiedHead();
            return model.call(torch.randint(Vocabulary, new long[] { 20, 2 }));
        }
    }
}
