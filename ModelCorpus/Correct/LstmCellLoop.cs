using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// An LSTM unrolled by hand, one LSTMCell step per time step, the state (hx, cx) passed explicitly
    /// and carried from step to step; a linear read-out at every step.
    /// </summary>
    public sealed class LstmCellLoop : nn.Module<Tensor, Tensor>
    {
        private const long Features = 16;
        private const long Hidden = 32;
        private const long Outputs = 4;

        private readonly LSTMCell cell;
        private readonly Linear readout;

        public LstmCellLoop()
            : base(nameof(LstmCellLoop))
        {
            cell = nn.LSTMCell(Features, Hidden);
            readout = nn.Linear(Hidden, Outputs);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            var batch = x.shape[1];
            var h = torch.zeros(batch, Hidden);
            var c = torch.zeros(batch, Hidden);
            var outputs = new List<Tensor>();
            for (long t = 0; t < x.shape[0]; t++)
            {
                (h, c) = cell.call(x[t], (h, c));
                outputs.Add(h);
            }

            return readout.call(torch.stack(outputs, 0));
        }

        public static Tensor Run()
        {
            using var model = new LstmCellLoop();

            // output shape: [6, 3, 4]
            return model.call(torch.randn(6, 3, Features));
        }
    }
}
