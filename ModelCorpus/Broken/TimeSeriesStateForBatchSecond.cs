using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// The BatchFirstTimeSeries forecaster with its zero state sized from x.shape[1], the way a
    /// time-major model would: with batchFirst, dimension 1 is the window length, not the batch.
    /// </summary>
    public sealed class TimeSeriesStateForBatchSecond : nn.Module<Tensor, Tensor>
    {
        private const long Features = 5;
        private const long Hidden = 64;
        private const long Layers = 2;

        private readonly LSTM lstm;
        private readonly Linear head;

        public TimeSeriesStateForBatchSecond()
            : base(nameof(TimeSeriesStateForBatchSecond))
        {
            lstm = nn.LSTM(Features, Hidden, numLayers: Layers, batchFirst: true);
            head = nn.Linear(Hidden, 1);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            var h0 = torch.zeros(Layers, x.shape[1], Hidden);
            var c0 = torch.zeros(Layers, x.shape[1], Hidden);

            // libtorch: Expected hidden[0] size 2 8 64, got [2, 30, 64]
            var (output, _, _) = lstm.call(x, (/*~RNN003*/h0/*~*/, /*~RNN003*/c0/*~*/));
            return head.call(output[.., -1, ..]);
        }

        public static Tensor Run()
        {
            using var model = new TimeSeriesStateForBatchSecond();
            return model.call(torch.randn(8, 30, Features));
        }
    }
}
