using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// A GRU and head built in float64 for a numerically sensitive signal: the input is converted to
    /// float64 before the GRU, so input and weights agree.
    /// </summary>
    public sealed class DoublePrecisionGru : nn.Module<Tensor, Tensor>
    {
        private const long Features = 4;
        private const long Hidden = 16;

        private readonly GRU gru;
        private readonly Linear head;

        public DoublePrecisionGru()
            : base(nameof(DoublePrecisionGru))
        {
            gru = nn.GRU(Features, Hidden, dtype: ScalarType.Float64);
            head = nn.Linear(Hidden, 1, dtype: ScalarType.Float64);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            var (output, _) = gru.call(x.to(ScalarType.Float64));
            return head.call(output[-1]);
        }

        public static Tensor Run()
        {
            using var model = new DoublePrecisionGru();

            // output shape: [3, 1]
            return model.call(torch.randn(12, 3, Features));
        }
    }
}
