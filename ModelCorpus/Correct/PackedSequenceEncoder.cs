using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// Padded sentences of different lengths, packed with pack_padded_sequence so the LSTM skips the
    /// padding; the final hidden state of each sentence is classified.
    /// </summary>
    public sealed class PackedSequenceEncoder : nn.Module<Tensor, Tensor, Tensor>
    {
        private const long Vocabulary = 300;
        private const long EmbeddingSize = 50;
        private const long Hidden = 64;
        private const long Classes = 4;

        private readonly Embedding embedding;
        private readonly LSTM lstm;
        private readonly Linear classifier;

        public PackedSequenceEncoder()
            : base(nameof(PackedSequenceEncoder))
        {
            embedding = nn.Embedding(Vocabulary, EmbeddingSize, padding_idx: 0);
            lstm = nn.LSTM(EmbeddingSize, Hidden, batchFirst: true);
            classifier = nn.Linear(Hidden, Classes);
            RegisterComponents();
        }

        public override Tensor forward(Tensor tokens, Tensor lengths)
        {
            var embedded = embedding.call(tokens);
            using var packed = nn.utils.rnn.pack_padded_sequence(embedded, lengths, batch_first: true, enforce_sorted: false);
            var (_, hN, _) = lstm.call(packed);
            return classifier.call(hN[-1]);
        }

        public static Tensor Run()
        {
            using var model = new PackedSequenceEncoder();
            var tokens = torch.randint(Vocabulary, new long[] { 3, 9 });
            var lengths = torch.tensor(new long[] { 9, 5, 7 });

            // output shape: [3, 4]
            return model.call(tokens, lengths);
        }
    }
}
