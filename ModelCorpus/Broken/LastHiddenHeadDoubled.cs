using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// A classifier on h_n[-1] of a unidirectional GRU, with the head copied from a bidirectional model:
    /// 2 * Hidden input features where h_n[-1] has Hidden.
    /// </summary>
    public sealed class LastHiddenHeadDoubled : nn.Module<Tensor, Tensor>
    {
        private const long Features = 6;
        private const long Hidden = 32;

        private readonly GRU gru;
        private readonly Linear classifier;

        public LastHiddenHeadDoubled()
            : base(nameof(LastHiddenHeadDoubled))
        {
            gru = nn.GRU(Features, Hidden);
            classifier = nn.Linear(2 * Hidden, 2);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            var (_, hN) = gru.call(x);

            // libtorch: mat1 and mat2 shapes cannot be multiplied (7x32 and 64x2)
            return classifier.call(/*~RNN010*/hN[-1]/*~*/);
        }

        public static Tensor Run()
        {
            using var model = new LastHiddenHeadDoubled();
            return model.call(torch.randn(11, 7, Features));
        }
    }
}
