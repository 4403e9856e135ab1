using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// A forecaster that converts its input to float64 "for precision" but builds its GRU with the
    /// default float32 weights.
    /// </summary>
    public sealed class ForecasterDoubleInput : nn.Module<Tensor, Tensor>
    {
        private const long Features = 4;
        private const long Hidden = 16;

        private readonly GRU gru;
        private readonly Linear head;

        public ForecasterDoubleInput()
            : base(nameof(ForecasterDoubleInput))
        {
            gru = nn.GRU(Features, Hidden);
            head = nn.Linear(Hidden, 1);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            // libtorch: mat1 and mat2 must have the same dtype, but got Double and Float
            var (output, _) = gru.call(/*~RNN005*/x.to(ScalarType.Float64)/*~*/);
            return head.call(output[-1]);
        }

        public static Tensor Run()
        {
            using var model = new ForecasterDoubleInput();
            return model.call(torch.randn(12, 3, Features));
        }
    }
}
