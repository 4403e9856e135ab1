using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// A decoder conditioned on a context vector at every step: the (batch, context) vector is
    /// unsqueezed, expanded over the target's steps and concatenated with the token embeddings along
    /// the feature dimension, so the GRU reads EmbeddingSize + ContextSize features.
    /// </summary>
    public sealed class ContextConditionedDecoder : nn.Module<Tensor, Tensor, Tensor>
    {
        private const long Vocabulary = 100;
        private const long EmbeddingSize = 16;
        private const long ContextSize = 24;
        private const long Hidden = 48;

        private readonly Embedding embedding;
        private readonly GRU gru;
        private readonly Linear projection;

        public ContextConditionedDecoder()
            : base(nameof(ContextConditionedDecoder))
        {
            embedding = nn.Embedding(Vocabulary, EmbeddingSize);
            gru = nn.GRU(EmbeddingSize + ContextSize, Hidden);
            projection = nn.Linear(Hidden, Vocabulary);
            RegisterComponents();
        }

        public override Tensor forward(Tensor targetTokens, Tensor context)
        {
            var steps = targetTokens.size(0);
            var repeated = context.unsqueeze(0).expand(steps, -1, -1);
            var input = torch.cat(new[] { embedding.call(targetTokens), repeated }, 2);
            var (output, _) = gru.call(input);
            return projection.call(output);
        }

        public static Tensor Run()
        {
            using var model = new ContextConditionedDecoder();
            var targets = torch.randint(Vocabulary, new long[] { 6, 3 });

            // output shape: [6, 3, 100]
            return model.call(targets, torch.randn(3, ContextSize));
        }
    }
}
