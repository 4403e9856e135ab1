using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// A forecaster whose LSTMCell decoder starts from the encoder's summary h_n[-1] with an explicit
    /// null state, as PyTorch allows; TorchSharp 0.107's LSTMCell cannot build the zero state.
    /// </summary>
    public sealed class LstmCellDecoderNullStart : nn.Module<Tensor, Tensor>
    {
        private const long Features = 6;
        private const long Hidden = 24;
        private const long Horizon = 4;

        private readonly LSTM encoder;
        private readonly LSTMCell decoder;

        public LstmCellDecoderNullStart()
            : base(nameof(LstmCellDecoderNullStart))
        {
            encoder = nn.LSTM(Features, Hidden);
            decoder = nn.LSTMCell(Hidden, Hidden);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            var (_, hN, _) = encoder.call(x);

            // libtorch: Input batch size 3 doesn't match hidden0 batch size 0
            var (h, c) = decoder.call(/*~RNN008*/hN[-1]/*~*/, null);
            var steps = new List<Tensor> { h };
            for (var step = 1; step < Horizon; step++)
            {
                (h, c) = decoder.call(h, (h, c));
                steps.Add(h);
            }

            return torch.stack(steps, 0);
        }

        public static Tensor Run()
        {
            using var model = new LstmCellDecoderNullStart();
            return model.call(torch.randn(10, 3, Features));
        }
    }
}
