using RnnShapeAnalyzers.ShapeRules;
using TorchSharp;
using Xunit;
using static RnnShapeAnalyzers.Runtime.Tests.LibTorch;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.Runtime.Tests
{
    /// <summary>
    /// One measured libtorch behaviour per rule, next to the rules' verdict on the same shapes. If
    /// TorchSharp or libtorch changes what it accepts, these fail first.
    /// </summary>
    public sealed class RuleGroundTruthTests
    {
        private static RecurrentLayerSpec Spec(RecurrentKind kind, long inputSize, long hiddenSize, long numLayers = 1, bool bidirectional = false, bool batchFirst = false)
            => new RecurrentLayerSpec(kind, Dim.Of(inputSize), Dim.Of(hiddenSize), Dim.Of(numLayers), bidirectional, batchFirst);

        [Fact]
        public void Rnn001WrongInputFeatureSizeIsRejected()
        {
            var error = ErrorOf(() =>
            {
                using var gru = nn.GRU(4, 8);
                gru.call(torch.randn(5, 3, 7));
            });
            Assert.Equal("input.size(-1) must be equal to input_size. Expected 4, got 7", error);

            var violation = Assert.Single(RecurrentShapeRules.CheckSequenceCall(Spec(RecurrentKind.Gru, 4, 8), Shape.Of(5, 3, 7), null).Violations);
            Assert.Equal(RuleIds.InputFeatureSize, violation.RuleId);
            Assert.Equal(Shape.Of(5, 3, 4), violation.Expected);
        }

        [Fact]
        public void Rnn002LstmCellStateIsCheckedAfterTheHiddenState()
        {
            var error = ErrorOf(() =>
            {
                using var lstm = nn.LSTM(10, 20, numLayers: 2, bidirectional: true);
                lstm.call(torch.randn(5, 3, 10), (torch.zeros(4, 3, 20), torch.zeros(2, 3, 20)));
            });
            Assert.Equal("Expected hidden[1] size 4 3 20, got [2, 3, 20]", error);

            var violation = Assert.Single(RecurrentShapeRules.CheckSequenceCall(
                Spec(RecurrentKind.Lstm, 10, 20, numLayers: 2, bidirectional: true), Shape.Of(5, 3, 10), Shape.Of(4, 3, 20), Shape.Of(2, 3, 20)).Violations);
            Assert.Equal(RuleIds.HiddenStateShape, violation.RuleId);
            Assert.Equal(ShapeOperand.CellState, violation.Operand);
            Assert.Equal(Shape.Of(4, 3, 20), violation.Expected);
        }

        [Fact]
        public void Rnn002BatchFirstShapedStateIsRejectedWhateverBatchFirstIs()
        {
            var error = ErrorOf(() =>
            {
                using var lstm = nn.LSTM(4, 8, numLayers: 2, batchFirst: true);
                lstm.call(torch.randn(3, 5, 4), (torch.zeros(3, 2, 8), torch.zeros(3, 2, 8)));
            });
            Assert.Equal("Expected hidden[0] size 2 3 8, got [3, 2, 8]", error);

            var check = RecurrentShapeRules.CheckSequenceCall(Spec(RecurrentKind.Lstm, 4, 8, numLayers: 2, batchFirst: true), Shape.Of(3, 5, 4), Shape.Of(3, 2, 8), Shape.Of(3, 2, 8));
            Assert.All(check.Violations, v => Assert.Equal(RuleIds.HiddenStateShape, v.RuleId));
            Assert.Contains("laid out as (batch, numLayers * directions, hiddenSize)", check.Violations[0].Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void Rnn003StateBuiltForTheOppositeBatchFirstIsRejected()
        {
            var error = ErrorOf(() =>
            {
                using var gru = nn.GRU(6, 8);
                gru.call(torch.randn(7, 3, 6), torch.zeros(1, 7, 8));
            });
            Assert.Equal("Expected hidden size 1 3 8, got [1, 7, 8]", error);

            var violation = Assert.Single(RecurrentShapeRules.CheckSequenceCall(Spec(RecurrentKind.Gru, 6, 8), Shape.Of(7, 3, 6), Shape.Of(1, 7, 8)).Violations);
            Assert.Equal(RuleIds.BatchFirstMixUp, violation.RuleId);
            Assert.True(violation.SuggestedBatchFirst);
        }

        [Theory]
        [InlineData(2, "input must have 3 dimensions, got 2")]
        [InlineData(4, "input must have 3 dimensions, got 4")]
        public void Rnn004OnlyThreeDimensionalInputIsAccepted(int rank, string message)
        {
            var shape = rank == 2 ? Shape.Of(5, 10) : Shape.Of(5, 3, 2, 10);
            var error = ErrorOf(() =>
            {
                using var rnn = nn.RNN(10, 20);
                rnn.call(Make(shape));
            });
            Assert.Equal(message, error);

            var violation = Assert.Single(RecurrentShapeRules.CheckSequenceCall(Spec(RecurrentKind.Rnn, 10, 20), shape, null).Violations);
            Assert.Equal(RuleIds.InputRank, violation.RuleId);
            Assert.Equal(rank == 2 ? 1 : null, violation.UnsqueezeDimension);
        }

        [Theory]
        [InlineData(false, 1)]
        [InlineData(true, 0)]
        public void Rnn004UnsqueezeAtTheSuggestedDimensionMakesTheInputRun(bool batchFirst, int dimension)
        {
            var violation = Assert.Single(RecurrentShapeRules.CheckSequenceCall(Spec(RecurrentKind.Lstm, 10, 20, batchFirst: batchFirst), Shape.Of(5, 10), null).Violations);
            Assert.Equal(dimension, violation.UnsqueezeDimension);

            using var scope = torch.NewDisposeScope();
            using var lstm = nn.LSTM(10, 20, batchFirst: batchFirst);
            var (output, _, _) = lstm.call(torch.randn(5, 10).unsqueeze(violation.UnsqueezeDimension!.Value));
            Assert.Equal(violation.Expected, ShapeOf(torch.randn(5, 10).unsqueeze(dimension)));
            Assert.Equal(3, output.shape.Length);
        }

        [Fact]
        public void OmittedStateIsFilledWithZerosOfTheRightShape()
        {
            using var scope = torch.NewDisposeScope();
            using var gru = nn.GRU(4, 8, numLayers: 3, bidirectional: true, batchFirst: true);
            var (output, hidden) = gru.call(torch.randn(2, 6, 4));
            var check = RecurrentShapeRules.CheckSequenceCall(Spec(RecurrentKind.Gru, 4, 8, numLayers: 3, bidirectional: true, batchFirst: true), Shape.Of(2, 6, 4), null);
            Assert.True(check.IsValid);
            Assert.Equal(check.Output, ShapeOf(output));
            Assert.Equal(check.HiddenOut, ShapeOf(hidden));
        }
    }
}
