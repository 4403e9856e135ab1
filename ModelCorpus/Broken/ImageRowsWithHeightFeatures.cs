using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// Row-by-row reading of 32x24 images: viewed as Height rows of Width pixels, each step has Width
    /// features, but the LSTM was built for Height.
    /// </summary>
    public sealed class ImageRowsWithHeightFeatures : nn.Module<Tensor, Tensor>
    {
        private const long Height = 32;
        private const long Width = 24;
        private const long Hidden = 64;

        private readonly LSTM lstm;
        private readonly Linear classifier;

        public ImageRowsWithHeightFeatures()
            : base(nameof(ImageRowsWithHeightFeatures))
        {
            lstm = nn.LSTM(Height, Hidden, batchFirst: true);
            classifier = nn.Linear(Hidden, 10);
            RegisterComponents();
        }

        public override Tensor forward(Tensor images)
        {
            var rows = images.view(-1, Height, Width);

            // libtorch: input.size(-1) must be equal to input_size. Expected 32, got 24
            var (output, _, _) = lstm.call(/*~RNN001*/rows/*~*/);
            return classifier.call(output[.., -1, ..]);
        }

        public static Tensor Run()
        {
            using var model = new ImageRowsWithHeightFeatures();
            return model.call(torch.randn(3, 1, Height, Width));
        }
    }
}
