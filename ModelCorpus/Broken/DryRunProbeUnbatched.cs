using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// A dry run of the LSTM in the constructor with a PyTorch-style unbatched (sequence, features)
    /// probe: TorchSharp's LSTM takes 3-D input only. The LSTM is a local until the probe is done.
    /// </summary>
    public sealed class DryRunProbeUnbatched : nn.Module<Tensor, Tensor>
    {
        private const long Features = 10;
        private const long Hidden = 20;

        private readonly LSTM lstm;
        private readonly Linear head;

        public DryRunProbeUnbatched()
            : base(nameof(DryRunProbeUnbatched))
        {
            var probeLstm = nn.LSTM(Features, Hidden);

            // libtorch: input must have 3 dimensions, got 2
            var (probe, _, _) = probeLstm.call(/*~RNN004*/torch.zeros(1, Features)/*~*/);
            lstm = probeLstm;
            head = nn.Linear(probe.shape[^1], 1);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            var (output, _, _) = lstm.call(x);
            return head.call(output);
        }

        public static Tensor Run()
        {
            using var model = new DryRunProbeUnbatched();
            return model.call(torch.randn(6, 2, Features));
        }
    }
}
