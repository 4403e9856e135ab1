using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// A sensor array recorded channel-major, (channels, batch, time): Tensor.T reverses the dimensions
    /// to (time, batch, channels). Three recurrent layers are chained (GRU, bidirectional LSTM reading
    /// the GRU's Hidden features, RNN reading the LSTM's 2 * Hidden), and every step of every sequence is
    /// classified after flattening time and batch together.
    /// </summary>
    public sealed class SensorArrayChain : nn.Module<Tensor, Tensor>
    {
        private const long Channels = 6;
        private const long Hidden = 32;
        private const long Summary = 16;

        private readonly GRU gru;
        private readonly LSTM lstm;
        private readonly RNN rnn;
        private readonly Linear classifier;

        public SensorArrayChain()
            : base(nameof(SensorArrayChain))
        {
            gru = nn.GRU(Channels, Hidden);
            lstm = nn.LSTM(Hidden, Hidden, bidirectional: true);
            rnn = nn.RNN(2 * Hidden, Summary);
            classifier = nn.Linear(Summary, 3);
            RegisterComponents();
        }

        public override Tensor forward(Tensor recording)
        {
            var steps = recording.T.clone();
            var (gruOutput, _) = gru.call(steps);
            var (lstmOutput, _, _) = lstm.call(gruOutput);
            var (rnnOutput, _) = rnn.call(lstmOutput);
            return classifier.call(rnnOutput.flatten(0, 1));
        }

        public static Tensor Run()
        {
            using var model = new SensorArrayChain();

            // output shape: [20, 3]
            return model.call(torch.randn(Channels, 2, 10));
        }
    }
}
