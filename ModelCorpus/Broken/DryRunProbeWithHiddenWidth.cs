using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// A model that sizes its head with a dry run of its GRU in the constructor, on a probe input built
    /// with Hidden features instead of Features. The GRU is a local until the probe is done.
    /// </summary>
    public sealed class DryRunProbeWithHiddenWidth : nn.Module<Tensor, Tensor>
    {
        private const long Features = 12;
        private const long Hidden = 48;
        private const long Classes = 3;

        private readonly GRU gru;
        private readonly Linear head;

        public DryRunProbeWithHiddenWidth()
            : base(nameof(DryRunProbeWithHiddenWidth))
        {
            var probeGru = nn.GRU(Features, Hidden);

            // libtorch: input.size(-1) must be equal to input_size. Expected 12, got 48
            var (probe, _) = probeGru.call(/*~RNN001*/torch.zeros(1, 1, Hidden)/*~*/);
            gru = probeGru;
            head = nn.Linear(probe.shape[2], Classes);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            var (_, hN) = gru.call(x);
            return head.call(hN[-1]);
        }

        public static Tensor Run()
        {
            using var model = new DryRunProbeWithHiddenWidth();
            return model.call(torch.randn(6, 2, Features));
        }
    }
}
