using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// A keyword spotter: log-mel spectrograms arrive as (batch, mels, frames) and are permuted to the
    /// time-major (frames, batch, mels) a GRU reads; the last layer's final hidden state is classified.
    /// </summary>
    public sealed class SpectrogramGruClassifier : nn.Module<Tensor, Tensor>
    {
        private const long Mels = 40;
        private const long Hidden = 96;
        private const long Keywords = 12;

        private readonly GRU gru;
        private readonly Linear classifier;

        public SpectrogramGruClassifier()
            : base(nameof(SpectrogramGruClassifier))
        {
            gru = nn.GRU(Mels, Hidden);
            classifier = nn.Linear(Hidden, Keywords);
            RegisterComponents();
        }

        public override Tensor forward(Tensor spectrogram)
        {
            var frames = spectrogram.permute(2, 0, 1);
            var (_, hN) = gru.call(frames);
            return classifier.call(hN[-1]);
        }

        public static Tensor Run()
        {
            using var model = new SpectrogramGruClassifier();

            // output shape: [4, 12]
            return model.call(torch.randn(4, Mels, 50));
        }
    }
}
