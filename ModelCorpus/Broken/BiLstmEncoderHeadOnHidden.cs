using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// The BiLstmEncoder tagger with its head built for Hidden features: a bidirectional LSTM outputs
    /// both directions, 2 * Hidden.
    /// </summary>
    public sealed class BiLstmEncoderHeadOnHidden : nn.Module<Tensor, Tensor>
    {
        private const long Vocabulary = 1000;
        private const long EmbeddingSize = 64;
        private const long Hidden = 128;
        private const long Tags = 9;

        private readonly Embedding embedding;
        private readonly LSTM lstm;
        private readonly Linear tagger;

        public BiLstmEncoderHeadOnHidden()
            : base(nameof(BiLstmEncoderHeadOnHidden))
        {
            embedding = nn.Embedding(Vocabulary, EmbeddingSize);
            lstm = nn.LSTM(EmbeddingSize, Hidden, batchFirst: true, bidirectional: true);
            tagger = nn.Linear(Hidden, Tags);
            RegisterComponents();
        }

        public override Tensor forward(Tensor tokens)
        {
            var embedded = embedding.call(tokens);
            var (output, _, _) = lstm.call(embedded);

            // libtorch: mat1 and mat2 shapes cannot be multiplied (48x256 and 128x9)
            return tagger.call(/*~RNN010*/output/*~*/);
        }

        public static Tensor Run()
        {
            using var model = new BiLstmEncoderHeadOnHidden();
            return model.call(torch.randint(Vocabulary, new long[] { 4, 12 }));
        }
    }
}
