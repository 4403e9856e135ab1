using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// Flat feature rows (batch, steps * features) reshaped to (batch, steps, features) with one -1; a
    /// bidirectional LSTM and, stacked on it, an LSTM reading its 2 * Hidden features; the mean over
    /// time is classified.
    /// </summary>
    public sealed class BiLstmStackEncoder : nn.Module<Tensor, Tensor>
    {
        private const long Features = 20;
        private const long Hidden = 40;
        private const long Classes = 6;

        private readonly LSTM first;
        private readonly LSTM second;
        private readonly Linear classifier;

        public BiLstmStackEncoder()
            : base(nameof(BiLstmStackEncoder))
        {
            first = nn.LSTM(Features, Hidden, batchFirst: true, bidirectional: true);
            second = nn.LSTM(2 * Hidden, Hidden, batchFirst: true);
            classifier = nn.Linear(Hidden, Classes);
            RegisterComponents();
        }

        public override Tensor forward(Tensor rows)
        {
            var sequence = rows.reshape(rows.shape[0], -1, Features);
            var (firstOutput, _, _) = first.call(sequence);
            var (secondOutput, _, _) = second.call(firstOutput);
            return classifier.call(secondOutput.mean(new long[] { 1 }));
        }

        public static Tensor Run()
        {
            using var model = new BiLstmStackEncoder();

            // output shape: [4, 6]
            return model.call(torch.randn(4, 9 * Features));
        }
    }
}
