using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// A word-level language model: a two-layer LSTM started from an explicit zero state, a second LSTM
    /// chained on its output, and a projection back to the vocabulary. Time-major token batches.
    /// </summary>
    public sealed class StackedLstmLanguageModel : nn.Module<Tensor, Tensor>
    {
        private const long Vocabulary = 1000;
        private const long EmbeddingSize = 128;
        private const long Hidden = 256;
        private const long Layers = 2;

        private readonly Embedding embedding;
        private readonly LSTM lower;
        private readonly LSTM upper;
        private readonly Linear decoder;

        public StackedLstmLanguageModel()
            : base(nameof(StackedLstmLanguageModel))
        {
            embedding = nn.Embedding(Vocabulary, EmbeddingSize);
            lower = nn.LSTM(EmbeddingSize, Hidden, numLayers: Layers, dropout: 0.2);
            upper = nn.LSTM(Hidden, Hidden);
            decoder = nn.Linear(Hidden, Vocabulary);
            RegisterComponents();
        }

        public override Tensor forward(Tensor tokens)
        {
            var batch = tokens.shape[1];
            var h0 = torch.zeros(Layers, batch, Hidden);
            var c0 = torch.zeros(Layers, batch, Hidden);
            var (lowerOutput, _, _) = lower.call(embedding.call(tokens), (h0, c0));
            var (upperOutput, _, _) = upper.call(lowerOutput);
            return decoder.call(upperOutput);
        }

        public static Tensor Run()
        {
            using var model = new StackedLstmLanguageModel();

            // output shape: [20, 2, 1000]
            return model.call(torch.randint(Vocabulary, new long[] { 20, 2 }));
        }
    }
}
