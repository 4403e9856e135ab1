using System;

namespace RnnShapeAnalyzers.ShapeRules
{
    /// <summary>
    /// What one layer's output requires of the layer that reads it: RNN009 (recurrent into recurrent),
    /// RNN010 (into <c>nn.Linear</c>) and RNN011 (<c>nn.Embedding</c> into recurrent). Each check takes the
    /// two layers' configurations and where each came from, in words the message quotes ("field `encoder`
    /// set in the constructor at line 12", or the layer as built); an unknown size never breaks a rule.
    /// </summary>
    /// <remarks>
    /// These rules are fixed on the reading layer, not on a tensor, so a violation's
    /// <see cref="ShapeViolation.Actual"/> and <see cref="ShapeViolation.Expected"/> are one-dimensional:
    /// the reader's inputSize (or in_features) and the value it must be set to.
    /// </remarks>
    public static class LayerChainRules
    {
        /// <summary>
        /// RNN009 when <paramref name="consumer"/> (a recurrent layer or cell) reads the output of
        /// <paramref name="producer"/> and its inputSize is not the producer's D * hiddenSize.
        /// </summary>
        public static ShapeViolation? CheckRecurrentToRecurrent(RecurrentLayerSpec producer, string producerOrigin, RecurrentLayerSpec consumer, string consumerOrigin)
        {
            Require(producer, nameof(producer));
            Require(producerOrigin, nameof(producerOrigin));
            Require(consumer, nameof(consumer));
            Require(consumerOrigin, nameof(consumerOrigin));
            var features = FeaturesOf(producer, RecurrentOutputPart.Output);
            return consumer.InputSize.IsProvablyDifferentFrom(features)
                ? Violations.RecurrentLayerChain(producerOrigin, features, Derivation(producer, RecurrentOutputPart.Output), consumerOrigin, consumer.InputSize)
                : null;
        }

        /// <summary>
        /// RNN010 when an <c>nn.Linear</c> with <paramref name="inFeatures"/> reads <paramref name="part"/>
        /// of <paramref name="producer"/>'s results and the feature sizes differ.
        /// </summary>
        public static ShapeViolation? CheckRecurrentToLinear(RecurrentLayerSpec producer, RecurrentOutputPart part, string producerOrigin, Dim inFeatures, string linearOrigin)
        {
            Require(producer, nameof(producer));
            Require(producerOrigin, nameof(producerOrigin));
            Require(linearOrigin, nameof(linearOrigin));
            var features = FeaturesOf(producer, part);
            var tensor = (part == RecurrentOutputPart.Output ? "The output of " : "The final state of ") + producerOrigin;
            return inFeatures.IsProvablyDifferentFrom(features)
                ? Violations.LinearInput(tensor, features, Derivation(producer, part), linearOrigin, inFeatures)
                : null;
        }

        /// <summary>
        /// RNN010 for an <c>nn.Linear</c> whose input comes from nowhere the rules know: its last
        /// dimension must be <paramref name="inFeatures"/>.
        /// </summary>
        public static ShapeViolation? CheckLinearInput(Shape input, Dim inFeatures, string linearOrigin)
        {
            Require(input, nameof(input));
            Require(linearOrigin, nameof(linearOrigin));
            var features = input[-1];
            return inFeatures.IsProvablyDifferentFrom(features)
                ? Violations.LinearInput("Input " + input, features, "its last dimension", linearOrigin, inFeatures)
                : null;
        }

        /// <summary>
        /// RNN011 when <paramref name="consumer"/> (a recurrent layer or cell) reads the output of an
        /// <c>nn.Embedding</c> with <paramref name="embeddingDim"/> (its embedding_dims) and its inputSize differs.
        /// </summary>
        public static ShapeViolation? CheckEmbeddingToRecurrent(Dim embeddingDim, string embeddingOrigin, RecurrentLayerSpec consumer, string consumerOrigin)
        {
            Require(embeddingOrigin, nameof(embeddingOrigin));
            Require(consumer, nameof(consumer));
            Require(consumerOrigin, nameof(consumerOrigin));
            return consumer.InputSize.IsProvablyDifferentFrom(embeddingDim)
                ? Violations.EmbeddingDimension(embeddingOrigin, embeddingDim, consumerOrigin, consumer.InputSize)
                : null;
        }

        /// <summary>
        /// The last dimension of <paramref name="part"/>: D * hiddenSize for the output, hiddenSize for a
        /// final state; unknown when bidirectional or hiddenSize is.
        /// </summary>
        public static Dim FeaturesOf(RecurrentLayerSpec producer, RecurrentOutputPart part)
        {
            Require(producer, nameof(producer));
            return part == RecurrentOutputPart.Output ? producer.OutputFeatures : producer.HiddenSize;
        }

        // Says where the feature count comes from; the bidirectional doubling is the usual surprise.
        private static string Derivation(RecurrentLayerSpec producer, RecurrentOutputPart part)
        {
            var kind = producer.Kind.DisplayName();
            if (producer.Bidirectional != true)
            {
                return $"{kind}: hiddenSize {producer.HiddenSize}";
            }

            return part == RecurrentOutputPart.Output
                ? $"bidirectional {kind}: 2 * hiddenSize {producer.HiddenSize}"
                : $"bidirectional {kind}: hiddenSize {producer.HiddenSize} per direction";
        }

        private static void Require(object? argument, string name)
        {
            if (argument is null)
            {
                throw new ArgumentNullException(name);
            }
        }
    }
}
