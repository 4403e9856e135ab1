using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// A refinement step that feeds the encoder's summary h_n[-1], (batch, Hidden), to a decoder GRU as
    /// a one-step sequence but forgets unsqueeze(0): RNN, LSTM and GRU take 3-D input only.
    /// </summary>
    public sealed class DecoderStepWithoutUnsqueeze : nn.Module<Tensor, Tensor>
    {
        private const long Features = 12;
        private const long Hidden = 32;

        private readonly GRU encoder;
        private readonly GRU decoder;

        public DecoderStepWithoutUnsqueeze()
            : base(nameof(DecoderStepWithoutUnsqueeze))
        {
            encoder = nn.GRU(Features, Hidden);
            decoder = nn.GRU(Hidden, Hidden);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            var (_, hN) = encoder.call(x);
            var summary = hN[-1];

            // libtorch: input must have 3 dimensions, got 2
            var (refined, _) = decoder.call(/*~RNN004*/summary/*~*/, hN);
            return refined;
        }

        public static Tensor Run()
        {
            using var model = new DecoderStepWithoutUnsqueeze();
            return model.call(torch.randn(9, 4, Features));
        }
    }
}
