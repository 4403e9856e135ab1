using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// A sentence classifier on a bidirectional GRU: the final hidden states of the forward and the
    /// backward direction (h_n[-2] and h_n[-1]) are concatenated into 2 * Hidden features.
    /// </summary>
    public sealed class BiGruDirectionConcat : nn.Module<Tensor, Tensor>
    {
        private const long Features = 12;
        private const long Hidden = 24;
        private const long Classes = 5;

        private readonly GRU gru;
        private readonly Linear classifier;

        public BiGruDirectionConcat()
            : base(nameof(BiGruDirectionConcat))
        {
            gru = nn.GRU(Features, Hidden, bidirectional: true);
            classifier = nn.Linear(2 * Hidden, Classes);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            var (_, hN) = gru.call(x);
            var both = torch.cat(new[] { hN[-2], hN[-1] }, 1);
            return classifier.call(both);
        }

        public static Tensor Run()
        {
            using var model = new BiGruDirectionConcat();

            // output shape: [4, 5]
            return model.call(torch.randn(9, 4, Features));
        }
    }
}
