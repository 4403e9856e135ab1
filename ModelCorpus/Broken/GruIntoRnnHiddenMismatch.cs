using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// A GRU chained into an RNN whose inputSize was halved along with its hidden size: the GRU still
    /// outputs GruHidden features.
    /// </summary>
    public sealed class GruIntoRnnHiddenMismatch : nn.Module<Tensor, Tensor>
    {
        private const long Features = 16;
        private const long GruHidden = 64;
        private const long RnnHidden = 32;

        private readonly GRU gru;
        private readonly RNN rnn;

        public GruIntoRnnHiddenMismatch()
            : base(nameof(GruIntoRnnHiddenMismatch))
        {
            gru = nn.GRU(Features, GruHidden);
            rnn = nn.RNN(RnnHidden, RnnHidden);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            var (gruOutput, _) = gru.call(x);

            // libtorch: input.size(-1) must be equal to input_size. Expected 32, got 64
            var (output, _) = rnn.call(/*~RNN009*/gruOutput/*~*/);
            return output;
        }

        public static Tensor Run()
        {
            using var model = new GruIntoRnnHiddenMismatch();
            return model.call(torch.randn(10, 3, Features));
        }
    }
}
