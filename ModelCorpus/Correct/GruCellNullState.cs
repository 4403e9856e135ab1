using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// A GRUCell unrolled over time, starting from a null state: GRUCell fills in zeros itself for a
    /// batched (2-D) step. Each step is selected with x.select(0, t).
    /// </summary>
    public sealed class GruCellNullState : nn.Module<Tensor, Tensor>
    {
        private const long Features = 10;
        private const long Hidden = 20;

        private readonly GRUCell cell;
        private readonly Linear head;

        public GruCellNullState()
            : base(nameof(GruCellNullState))
        {
            cell = nn.GRUCell(Features, Hidden);
            head = nn.Linear(Hidden, 3);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            Tensor? h = null;
            for (long t = 0; t < x.shape[0]; t++)
            {
                h = cell.forward(x.select(0, t), h);
            }

            return head.call(h!);
        }

        public static Tensor Run()
        {
            using var model = new GruCellNullState();

            // output shape: [4, 3]
            return model.call(torch.randn(5, 4, Features));
        }
    }
}
