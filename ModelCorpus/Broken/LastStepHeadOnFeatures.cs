using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// A batch-first forecaster whose head on the last step, output[.., -1, ..], was built for the
    /// input's Features instead of the LSTM's Hidden.
    /// </summary>
    public sealed class LastStepHeadOnFeatures : nn.Module<Tensor, Tensor>
    {
        private const long Features = 5;
        private const long Hidden = 64;

        private readonly LSTM lstm;
        private readonly Linear head;

        public LastStepHeadOnFeatures()
            : base(nameof(LastStepHeadOnFeatures))
        {
            lstm = nn.LSTM(Features, Hidden, batchFirst: true);
            head = nn.Linear(Features, 1);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            var (output, _, _) = lstm.call(x);

            // libtorch: mat1 and mat2 shapes cannot be multiplied (8x64 and 5x1)
            return head.call(/*~RNN010*/output[.., -1, ..]/*~*/);
        }

        public static Tensor Run()
        {
            using var model = new LastStepHeadOnFeatures();
            return model.call(torch.randn(8, 30, Features));
        }
    }
}
