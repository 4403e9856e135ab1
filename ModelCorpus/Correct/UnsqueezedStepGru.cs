using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// One feature vector per example, (batch, features), made a one-step sequence with unsqueeze for a
    /// batch-first GRU; the step dimension is squeezed away again before the head.
    /// </summary>
    public sealed class UnsqueezedStepGru : nn.Module<Tensor, Tensor>
    {
        private const long Features = 8;
        private const long Hidden = 16;

        private readonly GRU gru;
        private readonly Linear head;

        public UnsqueezedStepGru()
            : base(nameof(UnsqueezedStepGru))
        {
            gru = nn.GRU(Features, Hidden, batchFirst: true);
            head = nn.Linear(Hidden, 2);
            RegisterComponents();
        }

        public override Tensor forward(Tensor features)
        {
            var sequence = features.unsqueeze(1);
            var (output, _) = gru.call(sequence);
            return head.call(output.squeeze(1));
        }

        public static Tensor Run()
        {
            using var model = new UnsqueezedStepGru();

            // output shape: [6, 2]
            return model.call(torch.randn(6, Features));
        }
    }
}
