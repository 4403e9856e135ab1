using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// A one-step-ahead forecaster over batch-first windows (batch, time, features): a two-layer LSTM
    /// from an explicit zero state whose batch is the input's dimension 0, and a regression head on the
    /// last time step.
    /// </summary>
    public sealed class BatchFirstTimeSeries : nn.Module<Tensor, Tensor>
    {
        private const long Features = 5;
        private const long Hidden = 64;
        private const long Layers = 2;

        private readonly LSTM lstm;
        private readonly Linear head;

        public BatchFirstTimeSeries()
            : base(nameof(BatchFirstTimeSeries))
        {
            lstm = nn.LSTM(Features, Hidden, numLayers: Layers, batchFirst: true);
            head = nn.Linear(Hidden, 1);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            var h0 = torch.zeros(Layers, x.shape[0], Hidden);
            var c0 = torch.zeros(Layers, x.shape[0], Hidden);
            var (output, _, _) = lstm.call(x, (h0, c0));
            return head.call(output[.., -1, ..]);
        }

        public static Tensor Run()
        {
            using var model = new BatchFirstTimeSeries();

            // output shape: [8, 1]
            return model.call(torch.randn(8, 30, Features));
        }
    }
}
