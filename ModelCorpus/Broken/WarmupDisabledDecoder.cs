using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// The WarmStartDecoder with its warm-up "disabled" by setting WarmupSteps to 0: a sequence of
    /// length 0 is not an empty warm-up, libtorch rejects it.
    /// </summary>
    public sealed class WarmupDisabledDecoder : nn.Module<Tensor, Tensor>
    {
        private const long Features = 8;
        private const long Hidden = 16;
        private const long WarmupSteps = 0;

        private readonly GRU gru;

        public WarmupDisabledDecoder()
            : base(nameof(WarmupDisabledDecoder))
        {
            gru = nn.GRU(Features, Hidden);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            var warmup = torch.zeros(WarmupSteps, x.shape[1], Features);

            // no fix: RNN007 (how many warm-up steps the data should have is not in the code)
            // libtorch: Expected sequence length to be larger than 0 in RNN
            var (_, settled) = gru.call(/*~RNN007*/warmup/*~*/);
            var (output, _) = gru.call(x, settled);
            return output;
        }

        public static Tensor Run()
        {
            using var model = new WarmupDisabledDecoder();
            return model.call(torch.randn(5, 2, Features));
        }
    }
}
