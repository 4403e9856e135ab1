using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// A GRU that is first run over WarmupSteps zero frames to settle its state, then over the real
    /// input from that state.
    /// </summary>
    public sealed class WarmStartDecoder : nn.Module<Tensor, Tensor>
    {
        private const long Features = 8;
        private const long Hidden = 16;
        private const long WarmupSteps = 3;

        private readonly GRU gru;

        public WarmStartDecoder()
            : base(nameof(WarmStartDecoder))
        {
            gru = nn.GRU(Features, Hidden);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            var warmup = torch.zeros(WarmupSteps, x.shape[1], Features);
            var (_, settled) = gru.call(warmup);
            var (output, _) = gru.call(x, settled);
            return output;
        }

        public static Tensor Run()
        {
            using var model = new WarmStartDecoder();

            // output shape: [5, 2, 16]
            return model.call(torch.randn(5, 2, Features));
        }
    }
}
