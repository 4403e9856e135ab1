using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// An LSTMCell decoder started from a zero "go" frame and the encoder LSTM's final (h, c), but the
    /// encoder is wider (EncoderHidden) than the decoder cell (DecoderHidden).
    /// </summary>
    public sealed class LstmCellDecoderEncoderStateWidth : nn.Module<Tensor, Tensor>
    {
        private const long Features = 6;
        private const long EncoderHidden = 64;
        private const long DecoderHidden = 32;
        private const long Horizon = 4;

        private readonly LSTM encoder;
        private readonly LSTMCell decoder;
        private readonly Linear readout;

        public LstmCellDecoderEncoderStateWidth()
            : base(nameof(LstmCellDecoderEncoderStateWidth))
        {
            encoder = nn.LSTM(Features, EncoderHidden);
            decoder = nn.LSTMCell(Features, DecoderHidden);
            readout = nn.Linear(DecoderHidden, Features);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            var (_, hN, cN) = encoder.call(x);
            var frame = torch.zeros(x.shape[1], Features);
            var h0 = hN[-1];
            var c0 = cN[-1];

            // no fix: RNN002 (the state is the encoder's output: which layer's hidden size to change is a design choice)
            // libtorch: hidden0 has inconsistent hidden_size: got 64, expected 32
            var (h, c) = decoder.call(frame, (/*~RNN002*/h0/*~*/, /*~RNN002*/c0/*~*/));
            var frames = new List<Tensor>();
            for (var step = 0; step < Horizon; step++)
            {
                frame = readout.call(h);
                frames.Add(frame);
                (h, c) = decoder.call(frame, (h, c));
            }

            return torch.stack(frames, 0);
        }

        public static Tensor Run()
        {
            using var model = new LstmCellDecoderEncoderStateWidth();
            return model.call(torch.randn(10, 3, Features));
        }
    }
}
