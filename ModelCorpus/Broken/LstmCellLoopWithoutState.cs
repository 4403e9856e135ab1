using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// The LstmCellLoop model ported from PyTorch, where LSTMCell fills in a zero state when none is
    /// given: the first step passes none. TorchSharp 0.107 hands libtorch undefined tensors instead.
    /// </summary>
    public sealed class LstmCellLoopWithoutState : nn.Module<Tensor, Tensor>
    {
        private const long Features = 16;
        private const long Hidden = 32;
        private const long Outputs = 4;

        private readonly LSTMCell cell;
        private readonly Linear readout;

        public LstmCellLoopWithoutState()
            : base(nameof(LstmCellLoopWithoutState))
        {
            cell = nn.LSTMCell(Features, Hidden);
            readout = nn.Linear(Hidden, Outputs);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            // no fix: RNN008 (x[0] may be 1-D or 2-D here, so the state's shape is not knowable)
            // libtorch: Input batch size 3 doesn't match hidden0 batch size 0
            var (h, c) = cell.call(/*~RNN008*/x[0]/*~*/);
            var outputs = new List<Tensor> { h };
            for (long t = 1; t < x.shape[0]; t++)
            {
                (h, c) = cell.call(x[t], (h, c));
                outputs.Add(h);
            }

            return readout.call(torch.stack(outputs, 0));
        }

        public static Tensor Run()
        {
            using var model = new LstmCellLoopWithoutState();
            return model.call(torch.randn(6, 3, Features));
        }
    }
}
