using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// A sequence tagger: token embeddings, a bidirectional LSTM over batch-first sentences, and a linear
    /// layer on both directions' features at every step (2 * Hidden of them).
    /// </summary>
    public sealed class BiLstmEncoder : nn.Module<Tensor, Tensor>
    {
        private const long Vocabulary = 1000;
        private const long EmbeddingSize = 64;
        private const long Hidden = 128;
        private const long Tags = 9;

        private readonly Embedding embedding;
        private readonly LSTM lstm;
        private readonly Linear tagger;

        public BiLstmEncoder()
            : base(nameof(BiLstmEncoder))
        {
            embedding = nn.Embedding(Vocabulary, EmbeddingSize);
            lstm = nn.LSTM(EmbeddingSize, Hidden, batchFirst: true, bidirectional: true);
            tagger = nn.Linear(2 * Hidden, Tags);
            RegisterComponents();
        }

        public override Tensor forward(Tensor tokens)
        {
            var embedded = embedding.call(tokens);
            var (output, _, _) = lstm.call(embedded);
            return tagger.call(output);
        }

        public static Tensor Run()
        {
            using var model = new BiLstmEncoder();

            // output shape: [4, 12, 9]
            return model.call(torch.randint(Vocabulary, new long[] { 4, 12 }));
        }
    }
}
