using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// A translation model: a GRU encoder reads the source sentence, and its final hidden state starts
    /// a GRU decoder that reads the target sentence (teacher forcing). Time-major token batches.
    /// </summary>
    public sealed class GruSeq2Seq : nn.Module<Tensor, Tensor, Tensor>
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

        public GruSeq2Seq()
            : base(nameof(GruSeq2Seq))
        {
            sourceEmbedding = nn.Embedding(SourceVocabulary, EmbeddingSize);
            targetEmbedding = nn.Embedding(TargetVocabulary, EmbeddingSize);
            encoder = nn.GRU(EmbeddingSize, Hidden);
            decoder = nn.GRU(EmbeddingSize, Hidden);
            projection = nn.Linear(Hidden, TargetVocabulary);
            RegisterComponents();
        }

        public override Tensor forward(Tensor source, Tensor target)
        {
            var (_, context) = encoder.call(sourceEmbedding.call(source));
            var (decoded, _) = decoder.call(targetEmbedding.call(target), context);
            return projection.call(decoded);
        }

        public static Tensor Run()
        {
            using var model = new GruSeq2Seq();
            var source = torch.randint(SourceVocabulary, new long[] { 10, 3 });
            var target = torch.randint(TargetVocabulary, new long[] { 7, 3 });

            // output shape: [7, 3, 400]
            return model.call(source, target);
        }
    }
}
