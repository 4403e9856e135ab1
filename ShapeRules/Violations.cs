using System.Collections.Generic;
using System.Globalization;

namespace RnnShapeAnalyzers.ShapeRules
{
    /// <summary>Builds each rule's violation with its message arguments; the rule classes decide when.</summary>
    internal static class Violations
    {
        public static ShapeViolation InputRank(RecurrentLayerSpec layer, Shape input, string needs, Shape expected, int? unsqueezeAt)
        {
            var advice = unsqueezeAt is int at ? $"; add the batch dimension: input.unsqueeze({Text(at)}) has shape {expected}" : string.Empty;
            return new ShapeViolation(
                RuleCatalog.InputRank,
                ShapeOperand.Input,
                input,
                expected,
                new[] { input.ToString(), Text(input.Rank), layer.Kind.DisplayName(), needs, advice })
            {
                UnsqueezeDimension = unsqueezeAt,
            };
        }

        public static ShapeViolation InputFeatures(RecurrentLayerSpec layer, Shape input)
        {
            var expected = input.With(input.Rank - 1, layer.InputSize);
            return new ShapeViolation(
                RuleCatalog.InputFeatureSize,
                ShapeOperand.Input,
                input,
                expected,
                new[] { input.ToString(), input[-1].ToString(), layer.Kind.DisplayName(), layer.InputSize.ToString(), expected.ToString() });
        }

        public static ShapeViolation StateShape(RecurrentLayerSpec layer, Shape state, ShapeOperand operand, Shape expected, string reasons)
            => new ShapeViolation(
                RuleCatalog.HiddenStateShape,
                operand,
                state,
                expected,
                new[] { ShapeViolation.NameOf(operand), state.ToString(), layer.Kind.DisplayName(), expected.ToString(), reasons });

        public static ShapeViolation EmptySequence(RecurrentLayerSpec layer, Shape input, int sequenceIndex)
            => new ShapeViolation(
                RuleCatalog.EmptySequence,
                ShapeOperand.Input,
                input,
                input.With(sequenceIndex, Dim.Unknown),
                new[] { input.ToString(), Text(sequenceIndex), RecurrentLayerSpec.Format(layer.BatchFirst), layer.Kind.DisplayName() });

        public static ShapeViolation MissingCellState(RecurrentLayerSpec cell, Shape input, Shape expectedState)
        {
            var zeros = "zeros(" + string.Join(", ", ToStrings(expectedState.Dims)) + ")";
            var pass = cell.Kind.HasCellState() ? $"({zeros}, {zeros})" : zeros;
            return new ShapeViolation(
                RuleCatalog.MissingCellState,
                ShapeOperand.HiddenState,
                Shape.UnknownRank,
                expectedState,
                new[] { cell.Kind.DisplayName(), input.ToString(), pass });
        }

        // RNN009 to RNN011 are fixed on the reading layer: Actual and Expected are its size and the new one.
        public static ShapeViolation RecurrentLayerChain(string producerOrigin, Dim features, string derivation, string consumerOrigin, Dim inputSize)
            => new ShapeViolation(
                RuleCatalog.RecurrentLayerChain,
                ShapeOperand.Input,
                Shape.Of(inputSize),
                Shape.Of(features),
                new[] { producerOrigin, features.ToString(), derivation, consumerOrigin, inputSize.ToString() });

        public static ShapeViolation LinearInput(string tensor, Dim features, string derivation, string linearOrigin, Dim inFeatures)
            => new ShapeViolation(
                RuleCatalog.LinearAfterRecurrent,
                ShapeOperand.Input,
                Shape.Of(inFeatures),
                Shape.Of(features),
                new[] { tensor, features.ToString(), derivation, linearOrigin, inFeatures.ToString() });

        public static ShapeViolation EmbeddingDimension(string embeddingOrigin, Dim embeddingDim, string consumerOrigin, Dim inputSize)
            => new ShapeViolation(
                RuleCatalog.EmbeddingDimension,
                ShapeOperand.Input,
                Shape.Of(inputSize),
                Shape.Of(embeddingDim),
                new[] { embeddingOrigin, embeddingDim.ToString(), consumerOrigin, inputSize.ToString() });

        public static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static IEnumerable<string> ToStrings(IReadOnlyList<Dim> dims)
        {
            foreach (var dim in dims)
            {
                yield return dim.ToString();
            }
        }
    }
}
