using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// A tagger whose embeddings were switched to 100-dimensional vectors while the LSTM still reads
    /// 128 features.
    /// </summary>
    public sealed class EmbeddingDimMismatchTagger : nn.Module<Tensor, Tensor>
    {
        private const long Vocabulary = 1000;
        private const long Hidden = 64;
        private const long Tags = 9;

        private readonly Embedding embedding;
        private readonly LSTM lstm;
        private readonly Linear tagger;

        public EmbeddingDimMismatchTagger()
            : base(nameof(EmbeddingDimMismatchTagger))
        {
            embedding = nn.Embedding(Vocabulary, 100);
            lstm = nn.LSTM(128, Hidden, batchFirst: true);
            tagger = nn.Linear(Hidden, Tags);
            RegisterComponents();
        }

        public override Tensor forward(Tensor tokens)
        {
            // libtorch: input.size(-1) must be equal to input_size. Expected 128, got 100
            var (output, _, _) = lstm.call(/*~RNN011*/embedding.call(tokens)/*~*/);
            return tagger.call(output);
        }

        public static Tensor Run()
        {
            using var model = new EmbeddingDimMismatchTagger();
            return model.call(torch.randint(Vocabulary, new long[] { 4, 12 }));
        }
    }
}
