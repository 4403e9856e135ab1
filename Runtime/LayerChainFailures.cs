using RnnShapeAnalyzers.ShapeRules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.Runtime
{
    /// <summary>
    /// Turns a rejected input into the layer-chaining rule that names its producer (RNN009, RNN010,
    /// RNN011) when a checked layer made it; runs only after a check has already failed.
    /// </summary>
    internal static class LayerChainFailures
    {
        /// <summary>RNN009 or RNN011 for an input a recurrent layer rejects with RNN001, or null when the input's producer is unknown.</summary>
        public static ShapeViolation? ForRecurrentInput(RecurrentLayerSpec consumer, Tensor input) => TensorProvenance.Find(input) switch
        {
            RecurrentOutputOrigin { Part: RecurrentOutputPart.Output } producer
                => LayerChainRules.CheckRecurrentToRecurrent(producer.Producer, producer.Producer.ToString(), consumer, consumer.ToString()),
            EmbeddingOutputOrigin embedding
                => LayerChainRules.CheckEmbeddingToRecurrent(embedding.EmbeddingDims, embedding.Description, consumer, consumer.ToString()),
            _ => null,
        };

        /// <summary>RNN010 for an input whose last dimension is not <paramref name="inFeatures"/>, naming its producer when known.</summary>
        public static ShapeViolation? ForLinearInput(Tensor input, long inFeatures, long outFeatures)
        {
            var linear = $"Linear(in_features: {inFeatures}, out_features: {outFeatures})";
            return TensorProvenance.Find(input) is RecurrentOutputOrigin producer
                ? LayerChainRules.CheckRecurrentToLinear(producer.Producer, producer.Part, producer.Producer.ToString(), Dim.Of(inFeatures), linear)
                : LayerChainRules.CheckLinearInput(TensorFacts.ShapeOf(input), Dim.Of(inFeatures), linear);
        }
    }
}
