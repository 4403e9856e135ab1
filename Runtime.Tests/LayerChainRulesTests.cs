using System;
using System.Linq;
using RnnShapeAnalyzers.ShapeRules;
using Xunit;

namespace RnnShapeAnalyzers.Runtime.Tests
{
    /// <summary>The layer-chaining rules on configurations alone: when they report, what they say, and what they hand a fix.</summary>
    public sealed class LayerChainRulesTests
    {
        private const string Encoder = "field `encoder` set in the constructor at line 12";
        private const string Decoder = "field `decoder` set in the constructor at line 13";

        [Fact]
        public void Rnn009NamesBothLayersTheFeaturesAndTheBidirectionalDoubling()
        {
            var violation = LayerChainRules.CheckRecurrentToRecurrent(RecurrentLayers.LSTM(10, 20, bidirectional: true), Encoder, RecurrentLayers.GRU(20, 30), Decoder);

            Assert.NotNull(violation);
            Assert.Equal(RuleIds.RecurrentLayerChain, violation.RuleId);
            Assert.Equal(ShapeOperand.Input, violation.Operand);
            Assert.Equal(Shape.Of(20), violation.Actual);
            Assert.Equal(Shape.Of(40), violation.Expected);
            Assert.Equal(
                "The output of field `encoder` set in the constructor at line 12 has 40 features (bidirectional LSTM: 2 * hiddenSize 20) but field `decoder` set in the constructor at line 13 reads it with inputSize 20; expected inputSize 40",
                violation.Message);
        }

        [Fact]
        public void Rnn009OnAOneDirectionLayerSaysHiddenSize()
        {
            var violation = LayerChainRules.CheckRecurrentToRecurrent(RecurrentLayers.RNNCell(4, 6), "a", RecurrentLayers.LSTM(8, 3), "b");
            Assert.Equal("The output of a has 6 features (RNNCell: hiddenSize 6) but b reads it with inputSize 8; expected inputSize 6", violation?.Message);
        }

        [Fact]
        public void Rnn009IsSilentWhenTheSizesMatch()
            => Assert.Null(LayerChainRules.CheckRecurrentToRecurrent(RecurrentLayers.GRU(10, 20, numLayers: 3, bidirectional: true), "a", RecurrentLayers.LSTMCell(40, 5), "b"));

        [Fact]
        public void UnknownSizesNeverBreakAChainingRule()
        {
            var unknownDirections = new RecurrentLayerSpec(RecurrentKind.Lstm, Dim.Of(10), Dim.Of(20), Dim.Of(1), bidirectional: null, batchFirst: false);
            var unknownHidden = new RecurrentLayerSpec(RecurrentKind.Gru, Dim.Of(10), Dim.Unknown, Dim.Of(1), bidirectional: false, batchFirst: false);
            var unknownInput = new RecurrentLayerSpec(RecurrentKind.Rnn, Dim.Unknown, Dim.Of(8), Dim.Of(1), bidirectional: false, batchFirst: false);
            var symbolicHidden = new RecurrentLayerSpec(RecurrentKind.Gru, Dim.Of(10), Dim.Symbolic("h"), Dim.Of(1), bidirectional: false, batchFirst: false);
            var symbolicInput = new RecurrentLayerSpec(RecurrentKind.Rnn, Dim.Symbolic("h"), Dim.Of(8), Dim.Of(1), bidirectional: false, batchFirst: false);

            Assert.Null(LayerChainRules.CheckRecurrentToRecurrent(unknownDirections, "a", RecurrentLayers.LSTM(7, 3), "b"));
            Assert.Null(LayerChainRules.CheckRecurrentToRecurrent(unknownHidden, "a", RecurrentLayers.LSTM(7, 3), "b"));
            Assert.Null(LayerChainRules.CheckRecurrentToRecurrent(RecurrentLayers.LSTM(10, 20), "a", unknownInput, "b"));
            Assert.Null(LayerChainRules.CheckRecurrentToRecurrent(symbolicHidden, "a", symbolicInput, "b"));
            Assert.Null(LayerChainRules.CheckRecurrentToLinear(unknownDirections, RecurrentOutputPart.Output, "a", Dim.Of(7), "b"));
            Assert.Null(LayerChainRules.CheckRecurrentToLinear(RecurrentLayers.LSTM(10, 20), RecurrentOutputPart.Output, "a", Dim.Unknown, "b"));
            Assert.Null(LayerChainRules.CheckLinearInput(Shape.UnknownRank, Dim.Of(7), "b"));
            Assert.Null(LayerChainRules.CheckLinearInput(Shape.Of(Dim.Of(4), Dim.Unknown), Dim.Of(7), "b"));
            Assert.Null(LayerChainRules.CheckEmbeddingToRecurrent(Dim.Unknown, "a", RecurrentLayers.GRU(16, 8), "b"));
            Assert.Null(LayerChainRules.CheckEmbeddingToRecurrent(Dim.Of(32), "a", unknownInput, "b"));
        }

        [Fact]
        public void Rnn010OnTheOutputExpectsBothDirections()
        {
            var violation = LayerChainRules.CheckRecurrentToLinear(RecurrentLayers.LSTM(10, 20, bidirectional: true), RecurrentOutputPart.Output, Encoder, Dim.Of(20), "field `head` set in the constructor at line 14");

            Assert.Equal(RuleIds.LinearAfterRecurrent, violation?.RuleId);
            Assert.Equal(Shape.Of(20), violation?.Actual);
            Assert.Equal(Shape.Of(40), violation?.Expected);
            Assert.Equal(
                "The output of field `encoder` set in the constructor at line 12 has 40 features (bidirectional LSTM: 2 * hiddenSize 20) but field `head` set in the constructor at line 14 reads it with in_features 20; expected in_features 40",
                violation?.Message);
        }

        [Fact]
        public void Rnn010OnAFinalStateSliceExpectsOneDirection()
        {
            var violation = LayerChainRules.CheckRecurrentToLinear(RecurrentLayers.GRU(10, 20, numLayers: 2, bidirectional: true), RecurrentOutputPart.FinalHiddenSlice, "a", Dim.Of(40), "b");

            Assert.Equal(Shape.Of(20), violation?.Expected);
            Assert.Equal("The final state of a has 20 features (bidirectional GRU: hiddenSize 20 per direction) but b reads it with in_features 40; expected in_features 20", violation?.Message);
            Assert.Null(LayerChainRules.CheckRecurrentToLinear(RecurrentLayers.GRU(10, 20, bidirectional: true), RecurrentOutputPart.FinalHiddenSlice, "a", Dim.Of(20), "b"));
        }

        [Fact]
        public void Rnn010WithoutAKnownProducerNamesTheInputShape()
        {
            var violation = LayerChainRules.CheckLinearInput(Shape.Of(4, 7, 12), Dim.Of(10), "Linear(in_features: 10, out_features: 3)");

            Assert.Equal(Shape.Of(12), violation?.Expected);
            Assert.Equal("Input [4, 7, 12] has 12 features (its last dimension) but Linear(in_features: 10, out_features: 3) reads it with in_features 10; expected in_features 12", violation?.Message);
            Assert.Null(LayerChainRules.CheckLinearInput(Shape.Of(4, 10), Dim.Of(10), "b"));
        }

        [Fact]
        public void Rnn011NamesTheEmbeddingDimension()
        {
            var violation = LayerChainRules.CheckEmbeddingToRecurrent(Dim.Of(32), "Embedding(num_embeddings: 100, embedding_dims: 32)", RecurrentLayers.GRU(16, 8), "GRU(...)");

            Assert.Equal(RuleIds.EmbeddingDimension, violation?.RuleId);
            Assert.Equal(Shape.Of(16), violation?.Actual);
            Assert.Equal(Shape.Of(32), violation?.Expected);
            Assert.Equal("The output of Embedding(num_embeddings: 100, embedding_dims: 32) has 32 features (its embedding_dims) but GRU(...) reads it with inputSize 16; expected inputSize 32", violation?.Message);
            Assert.Null(LayerChainRules.CheckEmbeddingToRecurrent(Dim.Of(16), "a", RecurrentLayers.GRU(16, 8), "b"));
        }

        [Theory]
        [InlineData(false, RecurrentOutputPart.Output, 20)]
        [InlineData(true, RecurrentOutputPart.Output, 40)]
        [InlineData(false, RecurrentOutputPart.FinalHiddenSlice, 20)]
        [InlineData(true, RecurrentOutputPart.FinalHiddenSlice, 20)]
        public void FeaturesOfAPartDependOnTheDirectionsOnlyForTheOutput(bool bidirectional, RecurrentOutputPart part, long features)
            => Assert.Equal(Dim.Of(features), LayerChainRules.FeaturesOf(RecurrentLayers.LSTM(10, 20, numLayers: 3, bidirectional: bidirectional), part));

        [Fact]
        public void NullArgumentsAreRejected()
        {
            var lstm = RecurrentLayers.LSTM(1, 2);
            Assert.Equal("producer", Assert.Throws<ArgumentNullException>(() => LayerChainRules.CheckRecurrentToRecurrent(null!, "a", lstm, "b")).ParamName);
            Assert.Equal("consumerOrigin", Assert.Throws<ArgumentNullException>(() => LayerChainRules.CheckRecurrentToRecurrent(lstm, "a", lstm, null!)).ParamName);
            Assert.Equal("linearOrigin", Assert.Throws<ArgumentNullException>(() => LayerChainRules.CheckRecurrentToLinear(lstm, RecurrentOutputPart.Output, "a", Dim.Of(1), null!)).ParamName);
            Assert.Equal("input", Assert.Throws<ArgumentNullException>(() => LayerChainRules.CheckLinearInput(null!, Dim.Of(1), "b")).ParamName);
            Assert.Equal("consumer", Assert.Throws<ArgumentNullException>(() => LayerChainRules.CheckEmbeddingToRecurrent(Dim.Of(1), "a", null!, "b")).ParamName);
        }

        [Fact]
        public void TheCatalogListsEveryRuleOnceInIdOrder()
        {
            var ids = RuleCatalog.All.Select(r => r.Id).ToArray();
            Assert.Equal(ids.OrderBy(id => id, StringComparer.Ordinal), ids);
            Assert.Equal(ids.Distinct(), ids);
            Assert.Equal(new[] { RuleIds.RecurrentLayerChain, RuleIds.LinearAfterRecurrent, RuleIds.EmbeddingDimension }, ids.Skip(ids.Length - 3));
            Assert.All(new[] { RuleCatalog.RecurrentLayerChain, RuleCatalog.LinearAfterRecurrent, RuleCatalog.EmbeddingDimension }, rule =>
            {
                Assert.False(rule.Title.EndsWith(".", StringComparison.Ordinal), rule.Title);
                Assert.Contains("{0}", rule.MessageFormat, StringComparison.Ordinal);
                Assert.Contains("; expected ", rule.MessageFormat, StringComparison.Ordinal);
            });
        }
    }
}
