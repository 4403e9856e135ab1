using System;
using System.Runtime.CompilerServices;
using RnnShapeAnalyzers.ShapeRules;
using TorchSharp;
using Xunit;
using static RnnShapeAnalyzers.Runtime.Tests.LibTorch;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.Runtime.Tests
{
    /// <summary>
    /// A checked layer that rejects a tensor another checked layer returned names that layer (RNN009,
    /// RNN010, RNN011) and the size to set; once the tensor went through another operation, the origin is
    /// gone and the plain rule (RNN001, or RNN010 without a producer) is reported.
    /// </summary>
    public sealed class CheckedLayerChainTests
    {
        private const string BidirectionalLstm = "LSTM(inputSize: 10, hiddenSize: 20, numLayers: 1, bidirectional: true, batchFirst: false)";

        [Fact]
        public void BidirectionalOutputIntoALayerBuiltForHiddenSizeIsRnn009NamingBothLayers()
        {
            using var scope = torch.NewDisposeScope();
            using var encoder = CheckedNN.LSTM(10, 20, bidirectional: true);
            using var decoder = CheckedNN.LSTM(20, 30);
            var (output, _, _) = encoder.call(torch.randn(5, 3, 10));

            var error = Assert.Throws<RnnShapeException>(() => decoder.call(output));
            Assert.Equal(RuleIds.RecurrentLayerChain, error.RuleId);
            Assert.Equal("input", error.ParamName);
            Assert.Equal(Shape.Of(20), error.Actual);
            Assert.Equal(Shape.Of(40), error.Expected);
            Assert.StartsWith(
                $"RNN009: The output of {BidirectionalLstm} has 40 features (bidirectional LSTM: 2 * hiddenSize 20) but LSTM(inputSize: 20, hiddenSize: 30, numLayers: 1, bidirectional: false, batchFirst: false) reads it with inputSize 20; expected inputSize 40 (https://",
                error.Message,
                StringComparison.Ordinal);
        }

        [Fact]
        public void TheChainWithTheExpectedInputSizeRunsLikePlainTorchSharp()
        {
            using var scope = torch.NewDisposeScope();
            using var encoder = CheckedNN.LSTM(10, 20, bidirectional: true);
            using var decoder = CheckedNN.GRU(40, 30);
            using var plainEncoder = nn.LSTM(10, 20, bidirectional: true);
            using var plainDecoder = nn.GRU(40, 30);
            plainEncoder.load_state_dict(encoder.state_dict());
            plainDecoder.load_state_dict(decoder.state_dict());
            var x = torch.randn(5, 3, 10);

            var (checkedOutput, _) = decoder.call(encoder.call(x).Item1);
            var (plainOutput, _) = plainDecoder.call(plainEncoder.call(x).Item1);
            Assert.True(checkedOutput.allclose(plainOutput));
        }

        [Fact]
        public void CellOutputIntoACellOfAnotherInputSizeIsRnn009()
        {
            using var scope = torch.NewDisposeScope();
            using var first = CheckedNN.LSTMCell(10, 20);
            using var second = CheckedNN.GRUCell(16, 8);
            var (h, _) = first.call(torch.randn(3, 10));

            var error = Assert.Throws<RnnShapeException>(() => second.call(h));
            Assert.Equal(RuleIds.RecurrentLayerChain, error.RuleId);
            Assert.Contains("has 20 features (LSTMCell: hiddenSize 20) but GRUCell(inputSize: 16, hiddenSize: 8) reads it with inputSize 16; expected inputSize 20", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void AfterAnotherOperationTheOriginIsGoneAndTheInputIsRnn001()
        {
            using var scope = torch.NewDisposeScope();
            using var encoder = CheckedNN.LSTM(10, 20, bidirectional: true);
            using var decoder = CheckedNN.LSTM(20, 30);
            var (output, _, _) = encoder.call(torch.randn(5, 3, 10));

            Assert.Equal(RuleIds.InputFeatureSize, Assert.Throws<RnnShapeException>(() => decoder.call(nn.functional.dropout(output, 0.5))).RuleId);
            Assert.Equal(RuleIds.InputFeatureSize, Assert.Throws<RnnShapeException>(() => decoder.call(output[TensorIndex.Slice(0, 2)])).RuleId);
        }

        [Fact]
        public void AnOutputReshapedInPlaceIsNoLongerTheProducersAndIsRnn001()
        {
            using var scope = torch.NewDisposeScope();
            using var encoder = CheckedNN.LSTM(10, 20, bidirectional: true);
            using var decoder = CheckedNN.LSTM(20, 30);
            var (output, _, _) = encoder.call(torch.randn(5, 3, 10));
            output.transpose_(0, 2);

            var error = Assert.Throws<RnnShapeException>(() => decoder.call(output));
            Assert.Equal(RuleIds.InputFeatureSize, error.RuleId);
            Assert.Equal(Shape.Of(40, 3, 20), error.Expected);
        }

        [Fact]
        public void OutputOfAPlainLayerIsRnn001()
        {
            using var scope = torch.NewDisposeScope();
            using var encoder = nn.LSTM(10, 20, bidirectional: true);
            using var decoder = CheckedNN.LSTM(20, 30);
            var (output, _, _) = encoder.call(torch.randn(5, 3, 10));
            Assert.Equal(RuleIds.InputFeatureSize, Assert.Throws<RnnShapeException>(() => decoder.call(output)).RuleId);
        }

        [Fact]
        public void LinearBuiltForHiddenSizeOnABidirectionalOutputIsRnn010NamingTheProducer()
        {
            using var scope = torch.NewDisposeScope();
            using var gru = CheckedNN.GRU(10, 20, bidirectional: true, batchFirst: true);
            using var head = CheckedNN.Linear(20, 5);
            var (output, _) = gru.call(torch.randn(4, 7, 10));

            var error = Assert.Throws<RnnShapeException>(() => head.call(output));
            Assert.Equal(RuleIds.LinearAfterRecurrent, error.RuleId);
            Assert.Equal("input", error.ParamName);
            Assert.Equal(Shape.Of(20), error.Actual);
            Assert.Equal(Shape.Of(40), error.Expected);
            Assert.StartsWith(
                "RNN010: The output of GRU(inputSize: 10, hiddenSize: 20, numLayers: 1, bidirectional: true, batchFirst: true) has 40 features (bidirectional GRU: 2 * hiddenSize 20) but Linear(in_features: 20, out_features: 5) reads it with in_features 20; expected in_features 40",
                error.Message,
                StringComparison.Ordinal);
        }

        [Fact]
        public void LinearBuiltForBothDirectionsOnTheFinalStateIsRnn010ExpectingHiddenSize()
        {
            using var scope = torch.NewDisposeScope();
            using var lstm = CheckedNN.LSTM(10, 20, bidirectional: true);
            using var head = CheckedNN.Linear(40, 5);
            var (_, hN, cN) = lstm.call(torch.randn(7, 4, 10));

            var error = Assert.Throws<RnnShapeException>(() => head.call(hN));
            Assert.Equal(Shape.Of(20), error.Expected);
            Assert.Contains($"The final state of {BidirectionalLstm} has 20 features (bidirectional LSTM: hiddenSize 20 per direction)", error.Message, StringComparison.Ordinal);
            Assert.Equal(RuleIds.LinearAfterRecurrent, Assert.Throws<RnnShapeException>(() => head.call(cN)).RuleId);
        }

        [Fact]
        public void ASliceOfTheFinalStateHasNoOriginAndRnn010NamesItsShape()
        {
            using var scope = torch.NewDisposeScope();
            using var lstm = CheckedNN.LSTM(10, 20, numLayers: 2, bidirectional: true);
            using var head = CheckedNN.Linear(40, 5);
            var (_, hN, _) = lstm.call(torch.randn(7, 4, 10));

            var error = Assert.Throws<RnnShapeException>(() => head.call(hN[-1]));
            Assert.Equal(Shape.Of(20), error.Expected);
            Assert.StartsWith("RNN010: Input [4, 20] has 20 features (its last dimension) but Linear(in_features: 40, out_features: 5) reads it with in_features 40; expected in_features 20", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void LinearOnAnInputFromNoKnownLayerIsRnn010NamingTheInputShape()
        {
            using var scope = torch.NewDisposeScope();
            using var head = CheckedNN.Linear(10, 3);
            var error = Assert.Throws<RnnShapeException>(() => head.call(torch.randn(4, 7, 12)));
            Assert.Equal(RuleIds.LinearAfterRecurrent, error.RuleId);
            Assert.StartsWith("RNN010: Input [4, 7, 12] has 12 features (its last dimension) but Linear(in_features: 10, out_features: 3) reads it with in_features 10; expected in_features 12", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void LinearWithTheExpectedInFeaturesRunsLikePlainTorchSharp()
        {
            using var scope = torch.NewDisposeScope();
            using var lstm = CheckedNN.LSTM(10, 20, bidirectional: true, batchFirst: true);
            using var head = CheckedNN.Linear(40, 5);
            using var plainHead = nn.Linear(40, 5);
            plainHead.load_state_dict(head.state_dict());
            var (output, _, _) = lstm.call(torch.randn(4, 7, 10));
            Assert.True(head.call(output).allclose(plainHead.call(output)));
        }

        [Fact]
        public void EmbeddingOfAnotherDimensionIntoAGruIsRnn011()
        {
            using var scope = torch.NewDisposeScope();
            using var embedding = CheckedNN.Embedding(100, 32);
            using var gru = CheckedNN.GRU(16, 8, batchFirst: true);
            var embedded = embedding.call(torch.randint(100, new long[] { 4, 9 }));

            var error = Assert.Throws<RnnShapeException>(() => gru.call(embedded));
            Assert.Equal(RuleIds.EmbeddingDimension, error.RuleId);
            Assert.Equal(Shape.Of(32), error.Expected);
            Assert.StartsWith(
                "RNN011: The output of Embedding(num_embeddings: 100, embedding_dims: 32) has 32 features (its embedding_dims) but GRU(inputSize: 16, hiddenSize: 8, numLayers: 1, bidirectional: false, batchFirst: true) reads it with inputSize 16; expected inputSize 32",
                error.Message,
                StringComparison.Ordinal);
        }

        [Fact]
        public void EmbeddingIntoACellOfAnotherInputSizeIsRnn011()
        {
            using var scope = torch.NewDisposeScope();
            using var embedding = CheckedNN.Embedding(100, 32);
            using var cell = CheckedNN.RNNCell(16, 8);
            Assert.Equal(RuleIds.EmbeddingDimension, Assert.Throws<RnnShapeException>(() => cell.call(embedding.call(torch.randint(100, new long[] { 4 })))).RuleId);
        }

        [Fact]
        public void EmbeddingWithTheExpectedInputSizeRunsLikePlainTorchSharp()
        {
            using var scope = torch.NewDisposeScope();
            using var embedding = CheckedNN.Embedding(100, 32);
            using var gru = CheckedNN.GRU(32, 8, batchFirst: true);
            using var plainEmbedding = nn.Embedding(100, 32);
            using var plainGru = nn.GRU(32, 8, batchFirst: true);
            plainEmbedding.load_state_dict(embedding.state_dict());
            plainGru.load_state_dict(gru.state_dict());
            var tokens = torch.randint(100, new long[] { 4, 9 });

            Assert.True(gru.call(embedding.call(tokens)).Item1.allclose(plainGru.call(plainEmbedding.call(tokens)).Item1));
        }

        [Fact]
        public void RememberingAnOutputDoesNotKeepItAlive()
        {
            using var lstm = CheckedNN.LSTM(4, 6);
            var output = OutputOfACallWithNoOtherReference(lstm);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            Assert.False(output.IsAlive);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static WeakReference OutputOfACallWithNoOtherReference(CheckedLSTM lstm)
        {
            using var input = torch.randn(2, 3, 4);
            var (output, hN, cN) = lstm.call(input);
            output.Dispose();
            hN.Dispose();
            cN.Dispose();
            return new WeakReference(output);
        }
    }
}
