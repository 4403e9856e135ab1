using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.ModelCorpus
{
    /// <summary>
    /// A tagger whose sizes all come from constructor parameters: the GRU, its explicit zero state and
    /// the head are built from them, so nothing about the shapes is known at compile time.
    /// </summary>
    public sealed class ConfigurableGruTagger : nn.Module<Tensor, Tensor>
    {
        private readonly long hiddenSize;
        private readonly long stateLayers;
        private readonly GRU gru;
        private readonly Linear head;

        public ConfigurableGruTagger(long inputSize, long hiddenSize, long numLayers, bool bidirectional, long tags)
            : base(nameof(ConfigurableGruTagger))
        {
            var directions = bidirectional ? 2 : 1;
            this.hiddenSize = hiddenSize;
            stateLayers = directions * numLayers;
            gru = nn.GRU(inputSize, hiddenSize, numLayers: numLayers, bidirectional: bidirectional);
            head = nn.Linear(directions * hiddenSize, tags);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            var h0 = torch.zeros(stateLayers, x.shape[1], hiddenSize);
            var (output, _) = gru.call(x, h0);
            return head.call(output);
        }

        public static Tensor Run()
        {
            using var model = new ConfigurableGruTagger(16, 32, numLayers: 2, bidirectional: true, tags: 5);

            // output shape: [10, 4, 5]
            return model.call(torch.randn(10, 4, 16));
        }
    }
}
