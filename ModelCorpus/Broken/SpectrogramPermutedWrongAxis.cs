using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// Flattened spectrograms viewed as (batch, Mels, Frames) and permuted with (1, 0, 2) instead of
    /// (2, 0, 1): the GRU gets (Mels, batch, Frames), Frames features per step where it reads Mels.
    /// </summary>
    public sealed class SpectrogramPermutedWrongAxis : nn.Module<Tensor, Tensor>
    {
        private const long Mels = 40;
        private const long Frames = 100;
        private const long Hidden = 96;

        private readonly GRU gru;
        private readonly Linear classifier;

        public SpectrogramPermutedWrongAxis()
            : base(nameof(SpectrogramPermutedWrongAxis))
        {
            gru = nn.GRU(Mels, Hidden);
            classifier = nn.Linear(Hidden, 12);
            RegisterComponents();
        }

        public override Tensor forward(Tensor flat)
        {
            var spectrogram = flat.view(-1, Mels, Frames);

            // libtorch: input.size(-1) must be equal to input_size. Expected 40, got 100
            var (_, hN) = gru.call(/*~RNN001*/spectrogram.permute(1, 0, 2)/*~*/);
            return classifier.call(hN[-1]);
        }

        public static Tensor Run()
        {
            using var model = new SpectrogramPermutedWrongAxis();
            return model.call(torch.randn(4, Mels * Frames));
        }
    }
}
