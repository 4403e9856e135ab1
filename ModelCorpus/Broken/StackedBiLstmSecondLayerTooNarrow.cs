using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// Two stacked LSTMs where the second reads Hidden features, but the first is bidirectional and
    /// outputs 2 * Hidden.
    /// </summary>
    public sealed class StackedBiLstmSecondLayerTooNarrow : nn.Module<Tensor, Tensor>
    {
        private const long Features = 20;
        private const long Hidden = 40;
        private const long Classes = 6;

        private readonly LSTM first;
        private readonly LSTM second;
        private readonly Linear classifier;

        public StackedBiLstmSecondLayerTooNarrow()
            : base(nameof(StackedBiLstmSecondLayerTooNarrow))
        {
            first = nn.LSTM(Features, Hidden, batchFirst: true, bidirectional: true);
            second = nn.LSTM(Hidden, Hidden, batchFirst: true);
            classifier = nn.Linear(Hidden, Classes);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            var (firstOutput, _, _) = first.call(x);

            // libtorch: input.size(-1) must be equal to input_size. Expected 40, got 80
            var (secondOutput, _, _) = second.call(/*~RNN009*/firstOutput/*~*/);
            return classifier.call(secondOutput.mean(new long[] { 1 }));
        }

        public static Tensor Run()
        {
            using var model = new StackedBiLstmSecondLayerTooNarrow();
            return model.call(torch.randn(4, 9, Features));
        }
    }
}
