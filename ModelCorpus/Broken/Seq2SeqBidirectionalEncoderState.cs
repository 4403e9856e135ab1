using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// The GruSeq2Seq translator after its encoder was made bidirectional: the encoder's h_n now holds
    /// two directions, (2, batch, Hidden), and is still handed to a unidirectional decoder as its h0.
    /// </summary>
    public sealed class Seq2SeqBidirectionalEncoderState : nn.Module<Tensor, Tensor, Tensor>
    {
        private const long SourceVocabulary = 500;
        private const long TargetVocabulary = 400;
        private const long EmbeddingSize = 32;
        private const long Hidden = 64;

        private readonly Embedding sourceEmbedding;
        private readonly Embedding targetEmbedding;
        private readonly GRU encoder;
        private readonly GRU decoder;
        private readonly Linear projection;

        public Seq2SeqBidirectionalEncoderState()
            : base(nameof(Seq2SeqBidirectionalEncoderState))
        {
            sourceEmbedding = nn.Embedding(SourceVocabulary, EmbeddingSize);
            targetEmbedding = nn.Embedding(TargetVocabulary, EmbeddingSize);
            encoder = nn.GRU(EmbeddingSize, Hidden, bidirectional: true);
            decoder = nn.GRU(EmbeddingSize, Hidden);
            projection = nn.Linear(Hidden, TargetVocabulary);
            RegisterComponents();
        }

        public override Tensor forward(Tensor source, Tensor target)
        {
            var (_, context) = encoder.call(sourceEmbedding.call(source));

            // no fix: RNN002 (the state is the bidirectional encoder's h_n: merge the directions or widen the decoder, a design choice)
            // libtorch: Expected hidden size 1 3 64, got [2, 3, 64]
            var (decoded, _) = decoder.call(targetEmbedding.call(target), /*~RNN002*/context/*~*/);
            return projection.call(decoded);
        }

        public static Tensor Run()
        {
            using var model = new Seq2SeqBidirectionalEncoderState();
            var source = torch.randint(SourceVocabulary, new long[] { 10, 3 });
            var target = torch.randint(TargetVocabulary, new long[] { 7, 3 });
            return model.call(source, target);
        }
    }
}
