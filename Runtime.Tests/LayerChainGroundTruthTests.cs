using RnnShapeAnalyzers.ShapeRules;
using TorchSharp;
using Xunit;
using static RnnShapeAnalyzers.Runtime.Tests.LibTorch;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.Runtime.Tests
{
    /// <summary>
    /// What plain TorchSharp does when one layer's output feeds another of the wrong size (RNN009 to
    /// RNN011), next to the layer-chaining rules' verdict on the same configurations; and that the fix the
    /// rules' Expected names makes the chain run.
    /// </summary>
    public sealed class LayerChainGroundTruthTests
    {
        private const string Origin = "the layer";

        [Fact]
        public void Rnn009BidirectionalOutputIntoALayerBuiltForHiddenSizeIsRejected()
        {
            var producer = RecurrentLayers.LSTM(10, 20, bidirectional: true);
            var error = ErrorOf(() =>
            {
                using var encoder = nn.LSTM(10, 20, bidirectional: true);
                using var decoder = nn.LSTM(20, 30);
                var (output, _, _) = encoder.call(torch.randn(5, 3, 10));
                decoder.call(output);
            });
            Assert.Equal("input.size(-1) must be equal to input_size. Expected 20, got 40", error);

            var violation = LayerChainRules.CheckRecurrentToRecurrent(producer, Origin, RecurrentLayers.LSTM(20, 30), Origin);
            Assert.NotNull(violation);
            Assert.Equal(RuleIds.RecurrentLayerChain, violation.RuleId);
            Assert.Equal(Shape.Of(40), violation.Expected);

            using var scope = torch.NewDisposeScope();
            using var fixedEncoder = nn.LSTM(10, 20, bidirectional: true);
            using var fixedDecoder = nn.LSTM(violation.Expected[0].Value, 30);
            var (fixedOutput, _, _) = fixedEncoder.call(torch.randn(5, 3, 10));
            Assert.Equal(Shape.Of(5, 3, 30), ShapeOf(fixedDecoder.call(fixedOutput).Item1));
            Assert.Null(LayerChainRules.CheckRecurrentToRecurrent(producer, Origin, RecurrentLayers.LSTM(40, 30), Origin));
        }

        [Fact]
        public void Rnn009CellOutputIntoACellOfAnotherInputSizeIsRejected()
        {
            var error = ErrorOf(() =>
            {
                using var first = nn.LSTMCell(10, 20);
                using var second = nn.GRUCell(16, 8);
                var (h, _) = first.call(torch.randn(3, 10), (torch.zeros(3, 20), torch.zeros(3, 20)));
                second.call(h, torch.zeros(3, 8));
            });
            Assert.Equal("input has inconsistent input_size: got 20 expected 16", error);

            var violation = LayerChainRules.CheckRecurrentToRecurrent(RecurrentLayers.LSTMCell(10, 20), Origin, RecurrentLayers.GRUCell(16, 8), Origin);
            Assert.Equal(Shape.Of(20), violation?.Expected);

            using var scope = torch.NewDisposeScope();
            using var fixedFirst = nn.LSTMCell(10, 20);
            using var fixedSecond = nn.GRUCell(violation!.Expected[0].Value, 8);
            var (fixedH, _) = fixedFirst.call(torch.randn(3, 10), (torch.zeros(3, 20), torch.zeros(3, 20)));
            Assert.Equal(Shape.Of(3, 8), ShapeOf(fixedSecond.call(fixedH, torch.zeros(3, 8))));
        }

        [Fact]
        public void Rnn010LinearBuiltForHiddenSizeOnABidirectionalOutputIsRejected()
        {
            var producer = RecurrentLayers.GRU(10, 20, bidirectional: true, batchFirst: true);
            var error = ErrorOf(() =>
            {
                using var gru = nn.GRU(10, 20, bidirectional: true, batchFirst: true);
                using var head = nn.Linear(20, 5);
                var (output, _) = gru.call(torch.randn(4, 7, 10));
                head.call(output);
            });
            Assert.Equal("mat1 and mat2 shapes cannot be multiplied (28x40 and 20x5)", error);

            var violation = LayerChainRules.CheckRecurrentToLinear(producer, RecurrentOutputPart.Output, Origin, Dim.Of(20), Origin);
            Assert.Equal(RuleIds.LinearAfterRecurrent, violation?.RuleId);
            Assert.Equal(Shape.Of(40), violation?.Expected);

            using var scope = torch.NewDisposeScope();
            using var fixedGru = nn.GRU(10, 20, bidirectional: true, batchFirst: true);
            using var fixedHead = nn.Linear(violation!.Expected[0].Value, 5);
            var (fixedOutput, _) = fixedGru.call(torch.randn(4, 7, 10));
            Assert.Equal(Shape.Of(4, 7, 5), ShapeOf(fixedHead.call(fixedOutput)));
        }

        [Fact]
        public void Rnn010ALastTimeStepOfTheOutputHasBothDirections()
        {
            var error = ErrorOf(() =>
            {
                using var lstm = nn.LSTM(10, 20, bidirectional: true, batchFirst: true);
                using var head = nn.Linear(20, 5);
                var (output, _, _) = lstm.call(torch.randn(4, 7, 10));
                head.call(output[TensorIndex.Colon, -1, TensorIndex.Colon]);
            });
            Assert.Equal("mat1 and mat2 shapes cannot be multiplied (4x40 and 20x5)", error);
            Assert.Equal(Shape.Of(40), LayerChainRules.CheckRecurrentToLinear(RecurrentLayers.LSTM(10, 20, bidirectional: true, batchFirst: true), RecurrentOutputPart.Output, Origin, Dim.Of(20), Origin)?.Expected);
        }

        [Fact]
        public void Rnn010OneSliceOfTheFinalStateHasHiddenSizeFeaturesEvenWhenBidirectional()
        {
            var producer = RecurrentLayers.LSTM(10, 20, numLayers: 2, bidirectional: true);
            var error = ErrorOf(() =>
            {
                using var lstm = nn.LSTM(10, 20, numLayers: 2, bidirectional: true);
                using var head = nn.Linear(40, 5);
                var (_, hN, _) = lstm.call(torch.randn(7, 4, 10));
                head.call(hN[-1]);
            });
            Assert.Equal("mat1 and mat2 shapes cannot be multiplied (4x20 and 40x5)", error);

            var violation = LayerChainRules.CheckRecurrentToLinear(producer, RecurrentOutputPart.FinalHiddenSlice, Origin, Dim.Of(40), Origin);
            Assert.Equal(Shape.Of(20), violation?.Expected);

            using var scope = torch.NewDisposeScope();
            using var fixedLstm = nn.LSTM(10, 20, numLayers: 2, bidirectional: true);
            using var fixedHead = nn.Linear(violation!.Expected[0].Value, 5);
            var (_, fixedHN, _) = fixedLstm.call(torch.randn(7, 4, 10));
            Assert.Equal(Shape.Of(4, 5), ShapeOf(fixedHead.call(fixedHN[-1])));
        }

        [Fact]
        public void Rnn011EmbeddingOfAnotherDimensionIntoAGruIsRejected()
        {
            var error = ErrorOf(() =>
            {
                using var embedding = nn.Embedding(100, 32);
                using var gru = nn.GRU(16, 8, batchFirst: true);
                gru.call(embedding.call(torch.randint(100, new long[] { 4, 9 })));
            });
            Assert.Equal("input.size(-1) must be equal to input_size. Expected 16, got 32", error);

            var violation = LayerChainRules.CheckEmbeddingToRecurrent(Dim.Of(32), Origin, RecurrentLayers.GRU(16, 8, batchFirst: true), Origin);
            Assert.Equal(RuleIds.EmbeddingDimension, violation?.RuleId);
            Assert.Equal(Shape.Of(32), violation?.Expected);

            using var scope = torch.NewDisposeScope();
            using var fixedEmbedding = nn.Embedding(100, 32);
            using var fixedGru = nn.GRU(violation!.Expected[0].Value, 8, batchFirst: true);
            Assert.Equal(Shape.Of(4, 9, 8), ShapeOf(fixedGru.call(fixedEmbedding.call(torch.randint(100, new long[] { 4, 9 }))).Item1));
        }

        [Fact]
        public void Rnn011EmbeddingOfAnotherDimensionIntoACellIsRejected()
        {
            var error = ErrorOf(() =>
            {
                using var embedding = nn.Embedding(100, 32);
                using var cell = nn.RNNCell(16, 8);
                cell.call(embedding.call(torch.randint(100, new long[] { 4 })), torch.zeros(4, 8));
            });
            Assert.Equal("input has inconsistent input_size: got 32 expected 16", error);
            Assert.NotNull(LayerChainRules.CheckEmbeddingToRecurrent(Dim.Of(32), Origin, RecurrentLayers.RNNCell(16, 8), Origin));
        }
    }
}
