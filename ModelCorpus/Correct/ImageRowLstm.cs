using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// Row-by-row MNIST: a (batch, 1, 28, 28) image is viewed as a batch-first sequence of 28 rows of 28
    /// pixels; the LSTM's output at the last row is classified into the ten digits.
    /// </summary>
    public sealed class ImageRowLstm : nn.Module<Tensor, Tensor>
    {
        private const long Rows = 28;
        private const long Columns = 28;
        private const long Hidden = 64;

        private readonly LSTM lstm;
        private readonly Linear classifier;

        public ImageRowLstm()
            : base(nameof(ImageRowLstm))
        {
            lstm = nn.LSTM(Columns, Hidden, batchFirst: true);
            classifier = nn.Linear(Hidden, 10);
            RegisterComponents();
        }

        public override Tensor forward(Tensor images)
        {
            var rows = images.view(-1, Rows, Columns);
            var (output, _, _) = lstm.call(rows);
            return classifier.call(output[.., -1, ..]);
        }

        public static Tensor Run()
        {
            using var model = new ImageRowLstm();

            // output shape: [3, 10]
            return model.call(torch.randn(3, 1, Rows, Columns));
        }
    }
}
