using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// Batch-first data into a time-major Elman RNN (ReLU): the input is transposed and made contiguous
    /// first, and the output at the last time step is classified.
    /// </summary>
    public sealed class TimeMajorRnnClassifier : nn.Module<Tensor, Tensor>
    {
        private const long Features = 10;
        private const long Hidden = 20;
        private const long Classes = 3;

        private readonly RNN rnn;
        private readonly Linear classifier;

        public TimeMajorRnnClassifier()
            : base(nameof(TimeMajorRnnClassifier))
        {
            rnn = nn.RNN(Features, Hidden, nonLinearity: nn.NonLinearities.ReLU);
            classifier = nn.Linear(Hidden, Classes);
            RegisterComponents();
        }

        public override Tensor forward(Tensor batchFirst)
        {
            var timeMajor = batchFirst.transpose(0, 1).contiguous();
            var (output, _) = rnn.call(timeMajor);
            return classifier.call(output[-1]);
        }

        public static Tensor Run()
        {
            using var model = new TimeMajorRnnClassifier();

            // output shape: [5, 3]
            return model.call(torch.randn(5, 15, Features));
        }
    }
}
