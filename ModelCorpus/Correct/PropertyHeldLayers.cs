using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// Layers held in get-only auto-properties instead of fields (RegisterComponents registers their
    /// backing fields): a batch-first GRU and a head on its last step.
    /// </summary>
    public sealed class PropertyHeldLayers : nn.Module<Tensor, Tensor>
    {
        private const long Features = 7;
        private const long Hidden = 14;

        public PropertyHeldLayers()
            : base(nameof(PropertyHeldLayers))
        {
            Encoder = nn.GRU(Features, Hidden, batchFirst: true);
            Head = nn.Linear(Hidden, 2);
            RegisterComponents();
        }

        private GRU Encoder { get; }

        private Linear Head { get; }

        public override Tensor forward(Tensor x)
        {
            var (output, _) = Encoder.call(x);
            return Head.call(output[.., -1, ..]);
        }

        public static Tensor Run()
        {
            using var model = new PropertyHeldLayers();

            // output shape: [5, 2]
            return model.call(torch.randn(5, 8, Features));
        }
    }
}
