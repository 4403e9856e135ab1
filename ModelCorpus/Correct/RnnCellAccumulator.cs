using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// An RNNCell (ReLU) whose first step is called without a state (zeros are filled in for a 2-D
    /// step) and whose later steps carry the previous hidden state.
    /// </summary>
    public sealed class RnnCellAccumulator : nn.Module<Tensor, Tensor>
    {
        private const long Features = 3;
        private const long Hidden = 8;

        private readonly RNNCell cell;
        private readonly Linear head;

        public RnnCellAccumulator()
            : base(nameof(RnnCellAccumulator))
        {
            cell = nn.RNNCell(Features, Hidden, nonLinearity: nn.NonLinearities.ReLU);
            head = nn.Linear(Hidden, 1);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            var h = cell.forward(x[0]);
            for (long t = 1; t < x.shape[0]; t++)
            {
                h = cell.forward(x[t], h);
            }

            return head.call(h);
        }

        public static Tensor Run()
        {
            using var model = new RnnCellAccumulator();

            // output shape: [2, 1]
            return model.call(torch.randn(4, 2, Features));
        }
    }
}
