using RnnShapeAnalyzers.ShapeRules;
using TorchSharp;
using Xunit;
using static RnnShapeAnalyzers.Runtime.Tests.LibTorch;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.Runtime.Tests
{
    /// <summary>
    /// The seed article's three examples on real libtorch, and the verdict of the shape rules on the same
    /// shapes. Two of the article's "correct" examples throw: with batchFirst the batch is dimension 0.
    /// </summary>
    public sealed class SeedExamplesOnLibTorchTests
    {
        private static RecurrentLayerSpec Rnn(long inputSize, long hiddenSize, long numLayers, bool batchFirst)
            => new RecurrentLayerSpec(RecurrentKind.Rnn, Dim.Of(inputSize), Dim.Of(hiddenSize), Dim.Of(numLayers), bidirectional: false, batchFirst);

        [Fact]
        public void Example1ThrowsOnTheHiddenBatchAndTheRulesSayRnn003()
        {
            var error = ErrorOf(() =>
            {
                using var rnn = nn.RNN(10, 20, batchFirst: true);
                rnn.call(torch.randn(10, 32, 10), torch.zeros(1, 32, 20));
            });
            Assert.Equal("Expected hidden size 1 10 20, got [1, 32, 20]", error);

            var check = RecurrentShapeRules.CheckSequenceCall(Rnn(10, 20, 1, batchFirst: true), Shape.Of(10, 32, 10), Shape.Of(1, 32, 20));
            var violation = Assert.Single(check.Violations);
            Assert.Equal(RuleIds.BatchFirstMixUp, violation.RuleId);
            Assert.Equal(Shape.Of(1, 10, 20), violation.Expected);
            Assert.False(violation.SuggestedBatchFirst);
        }

        [Fact]
        public void Example2ThrowsOnTheInputSizeFirstAndTheRulesReportRnn001First()
        {
            var error = ErrorOf(() =>
            {
                using var rnn = nn.RNN(10, 20, batchFirst: true);
                rnn.call(torch.randn(10, 32, 5), torch.zeros(1, 32, 20));
            });
            Assert.Equal("input.size(-1) must be equal to input_size. Expected 10, got 5", error);

            // libtorch stops at the first problem; the rules name both, in libtorch's order.
            var check = RecurrentShapeRules.CheckSequenceCall(Rnn(10, 20, 1, batchFirst: true), Shape.Of(10, 32, 5), Shape.Of(1, 32, 20));
            Assert.Collection(
                check.Violations,
                v => Assert.Equal(RuleIds.InputFeatureSize, v.RuleId),
                v => Assert.Equal(RuleIds.BatchFirstMixUp, v.RuleId));

            // With the input fixed, libtorch goes on to reject the hidden state, as the rules said.
            var second = ErrorOf(() =>
            {
                using var rnn = nn.RNN(5, 20, batchFirst: true);
                rnn.call(torch.randn(10, 32, 5), torch.zeros(1, 32, 20));
            });
            Assert.Equal("Expected hidden size 1 10 20, got [1, 32, 20]", second);
        }

        [Fact]
        public void Example3ThrowsOnTheHiddenBatchAndTheRulesSayRnn003()
        {
            var error = ErrorOf(() =>
            {
                using var rnn = nn.RNN(10, 20, numLayers: 2, batchFirst: true);
                rnn.call(torch.randn(10, 32, 10), torch.zeros(2, 32, 20));
            });
            Assert.Equal("Expected hidden size 2 10 20, got [2, 32, 20]", error);

            var check = RecurrentShapeRules.CheckSequenceCall(Rnn(10, 20, 2, batchFirst: true), Shape.Of(10, 32, 10), Shape.Of(2, 32, 20));
            Assert.Equal(RuleIds.BatchFirstMixUp, Assert.Single(check.Violations).RuleId);
        }

        [Theory]
        [InlineData(1, false, 10, 32, 10, 1, 32, 20)] // Example 1 with the fix the analyzer offers first: batchFirst: false
        [InlineData(1, true, 10, 32, 10, 1, 10, 20)] // Example 1 with the other fix: h0's batch set to 10
        [InlineData(2, false, 10, 32, 10, 2, 32, 20)] // Example 3 with batchFirst: false
        public void FixedExamplesRunWithTheShapesTheRulesPredict(long layers, bool batchFirst, long l0, long l1, long l2, long h0, long h1, long h2)
        {
            var spec = Rnn(10, 20, layers, batchFirst);
            var check = RecurrentShapeRules.CheckSequenceCall(spec, Shape.Of(l0, l1, l2), Shape.Of(h0, h1, h2));
            Assert.True(check.IsValid);

            using var scope = torch.NewDisposeScope();
            using var rnn = nn.RNN(10, 20, numLayers: layers, batchFirst: batchFirst);
            var (output, hidden) = rnn.call(torch.randn(l0, l1, l2), torch.zeros(h0, h1, h2));
            Assert.Equal(check.Output, ShapeOf(output));
            Assert.Equal(check.HiddenOut, ShapeOf(hidden));
        }
    }
}
