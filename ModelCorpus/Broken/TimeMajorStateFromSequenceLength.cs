using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// A time-major GRU (batchFirst false) whose zero state is sized from x.shape[0], the sequence
    /// length, as if the input were batch-first; the batch is x.shape[1].
    /// </summary>
    public sealed class TimeMajorStateFromSequenceLength : nn.Module<Tensor, Tensor>
    {
        private const long Features = 10;
        private const long Hidden = 32;

        private readonly GRU gru;
        private readonly Linear head;

        public TimeMajorStateFromSequenceLength()
            : base(nameof(TimeMajorStateFromSequenceLength))
        {
            gru = nn.GRU(Features, Hidden);
            head = nn.Linear(Hidden, 1);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            var h0 = torch.zeros(1, x.shape[0], Hidden);

            // libtorch: Expected hidden size 1 4 32, got [1, 20, 32]
            var (_, hN) = gru.call(x, /*~RNN003*/h0/*~*/);
            return head.call(hN[-1]);
        }

        public static Tensor Run()
        {
            using var model = new TimeMajorStateFromSequenceLength();
            return model.call(torch.randn(20, 4, Features));
        }
    }
}
