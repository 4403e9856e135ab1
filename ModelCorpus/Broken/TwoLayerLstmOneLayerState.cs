using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// A two-layer LSTM started from a zero state built for one layer: h0 and c0 need
    /// numLayers * directions = 2 in dimension 0.
    /// </summary>
    public sealed class TwoLayerLstmOneLayerState : nn.Module<Tensor, Tensor>
    {
        private const long Features = 8;
        private const long Hidden = 64;

        private readonly LSTM lstm;

        public TwoLayerLstmOneLayerState()
            : base(nameof(TwoLayerLstmOneLayerState))
        {
            lstm = nn.LSTM(Features, Hidden, numLayers: 2);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            var h0 = torch.zeros(1, x.shape[1], Hidden);
            var c0 = torch.zeros(1, x.shape[1], Hidden);

            // libtorch: Expected hidden[0] size 2 3 64, got [1, 3, 64]
            var (output, _, _) = lstm.call(x, (/*~RNN002*/h0/*~*/, /*~RNN002*/c0/*~*/));
            return output;
        }

        public static Tensor Run()
        {
            using var model = new TwoLayerLstmOneLayerState();
            return model.call(torch.randn(10, 3, Features));
        }
    }
}
