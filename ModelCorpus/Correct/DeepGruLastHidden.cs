using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// A three-layer GRU from an explicit zero state sized with x.size(1), whose top layer's final
    /// hidden state h_n[-1] goes into the classifier.
    /// </summary>
    public sealed class DeepGruLastHidden : nn.Module<Tensor, Tensor>
    {
        private const long Features = 6;
        private const long Hidden = 32;
        private const long Layers = 3;

        private readonly GRU gru;
        private readonly Linear classifier;

        public DeepGruLastHidden()
            : base(nameof(DeepGruLastHidden))
        {
            gru = nn.GRU(Features, Hidden, numLayers: Layers);
            classifier = nn.Linear(Hidden, 2);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            var h0 = torch.zeros(Layers, x.size(1), Hidden);
            var (_, hN) = gru.call(x, h0);
            return classifier.call(hN[-1]);
        }

        public static Tensor Run()
        {
            using var model = new DeepGruLastHidden();

            // output shape: [7, 2]
            return model.call(torch.randn(11, 7, Features));
        }
    }
}
