using RnnShapeAnalyzers.ShapeRules;
using TorchSharp;
using Xunit;
using static RnnShapeAnalyzers.Runtime.Tests.LibTorch;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.Runtime.Tests
{
    /// <summary>
    /// Measured behaviours of RNNCell, LSTMCell and GRUCell that the cell rules encode, next to the
    /// rules' verdict on the same shapes. The differential test found each of them.
    /// </summary>
    public sealed class CellGroundTruthTests
    {
        private static RecurrentLayerSpec Cell(RecurrentKind kind, long inputSize, long hiddenSize)
            => new RecurrentLayerSpec(kind, Dim.Of(inputSize), Dim.Of(hiddenSize), Dim.Of(1), bidirectional: false, batchFirst: false);

        private static Tensor CallWithoutState(RecurrentKind kind, long inputSize, long hiddenSize, Tensor input)
        {
            if (kind == RecurrentKind.RnnCell)
            {
                using var rnnCell = nn.RNNCell(inputSize, hiddenSize);
                return rnnCell.call(input, null!);
            }

            using var gruCell = nn.GRUCell(inputSize, hiddenSize);
            return gruCell.call(input, null!);
        }

        [Theory]
        [InlineData(RecurrentKind.RnnCell)]
        [InlineData(RecurrentKind.GruCell)]
        public void UnbatchedInputWithoutAStateRunsOnlyWithASingleFeature(RecurrentKind kind)
        {
            // The default state is (input.size(0), hiddenSize), built before the 1-D input becomes
            // (1, inputSize): a batch of inputSize states, which fits the one step only for inputSize 1.
            using (torch.NewDisposeScope())
            {
                var output = CallWithoutState(kind, 1, 3, torch.randn(1));
                var check = CellShapeRules.CheckCellCall(Cell(kind, 1, 3), Shape.Of(1), null);
                Assert.True(check.IsValid);
                Assert.Equal(check.Output, ShapeOf(output));
            }

            var error = ErrorOf(() => CallWithoutState(kind, 4, 3, torch.randn(4)));
            Assert.Equal("Input batch size 1 doesn't match hidden0 batch size 4", error);
            var violation = Assert.Single(CellShapeRules.CheckCellCall(Cell(kind, 4, 3), Shape.Of(4), null).Violations);
            Assert.Equal(RuleIds.MissingCellState, violation.RuleId);
            Assert.Equal(Shape.Of(3), violation.Expected);
        }

        [Fact]
        public void UnbatchedInputWithoutAStateDependsOnTheKnownFeatureCount()
        {
            // With the input's size unknown, inputSize decides: any other input fails on RNN001 anyway.
            var unknown = Shape.Of(Dim.Symbolic("x.shape[0]"));
            Assert.True(CellShapeRules.CheckCellCall(Cell(RecurrentKind.GruCell, 1, 3), unknown, null).IsValid);
            Assert.Equal(RuleIds.MissingCellState, Assert.Single(CellShapeRules.CheckCellCall(Cell(RecurrentKind.GruCell, 4, 3), unknown, null).Violations).RuleId);
            Assert.True(CellShapeRules.CheckCellCall(new RecurrentLayerSpec(RecurrentKind.GruCell, Dim.Unknown, Dim.Of(3), Dim.Of(1), false, false), unknown, null).IsValid);

            // An input of one feature into a wider cell: libtorch stops at the feature size.
            var error = ErrorOf(() => CallWithoutState(RecurrentKind.RnnCell, 4, 3, torch.randn(1)));
            Assert.Equal("input has inconsistent input_size: got 1 expected 4", error);
            Assert.Equal(RuleIds.InputFeatureSize, Assert.Single(CellShapeRules.CheckCellCall(Cell(RecurrentKind.RnnCell, 4, 3), Shape.Of(1), null).Violations).RuleId);
        }

        [Fact]
        public void LstmCellNeverFillsInAStateEvenForASingleFeature()
        {
            var error = ErrorOf(() =>
            {
                using var cell = nn.LSTMCell(1, 3);
                cell.call(torch.randn(1));
            });
            Assert.Equal("Expected a proper Tensor but got None (or an undefined Tensor in C++) for argument #0 'self'", error);
            Assert.Equal(RuleIds.MissingCellState, Assert.Single(CellShapeRules.CheckCellCall(Cell(RecurrentKind.LstmCell, 1, 3), Shape.Of(1), null).Violations).RuleId);
        }

        [Fact]
        public void RnnCellRunsAnUnbatchedInputWithASquareStateByBroadcasting()
        {
            // libtorch makes the (H, H) state (1, H, H), checks only its dimensions 0 and 1, and the
            // sum of the input's (1, H) and the state's (1, H, H) projections broadcasts.
            using (torch.NewDisposeScope())
            {
                using var cell = nn.RNNCell(3, 2);
                var output = cell.call(torch.randn(3), torch.zeros(2, 2));
                var check = CellShapeRules.CheckCellCall(Cell(RecurrentKind.RnnCell, 3, 2), Shape.Of(3), Shape.Of(2, 2));
                Assert.True(check.IsValid);
                Assert.Equal(Shape.Of(2, 2), ShapeOf(output));
                Assert.Equal(check.Output, ShapeOf(output));
                Assert.Equal(check.HiddenOut, ShapeOf(output));
            }

            // Any other 2-D state is still rejected, with libtorch's misleading message.
            var error = ErrorOf(() =>
            {
                using var cell = nn.RNNCell(3, 2);
                cell.call(torch.randn(3), torch.zeros(1, 2));
            });
            Assert.Equal("hidden0 has inconsistent hidden_size: got 1, expected 2", error);
            var violation = Assert.Single(CellShapeRules.CheckCellCall(Cell(RecurrentKind.RnnCell, 3, 2), Shape.Of(3), Shape.Of(1, 2)).Violations);
            Assert.Equal(RuleIds.HiddenStateShape, violation.RuleId);
            Assert.Equal(Shape.Of(2), violation.Expected);
        }

        [Theory]
        [InlineData(2, 2, 2, 2)]
        [InlineData(2, 1, 2, 2)]
        [InlineData(1, 3, 1, 3)]
        public void LstmCellRunsAnUnbatchedInputWithA2DCellStateThatBroadcasts(long hiddenSize, long k, long out0, long out1)
        {
            // cx (H, k) becomes (1, H, k) and is only multiplied element-wise by (1, H) gates.
            using var scope = torch.NewDisposeScope();
            using var cell = nn.LSTMCell(3, hiddenSize);
            var (h, c) = cell.call(torch.randn(3), (torch.zeros(hiddenSize), torch.zeros(hiddenSize, k)));
            var check = CellShapeRules.CheckCellCall(Cell(RecurrentKind.LstmCell, 3, hiddenSize), Shape.Of(3), Shape.Of(hiddenSize), Shape.Of(hiddenSize, k));
            Assert.True(check.IsValid);
            Assert.Equal(Shape.Of(out0, out1), ShapeOf(c));
            Assert.Equal(check.HiddenOut, ShapeOf(h));
            Assert.Equal(check.CellOut, ShapeOf(c));
        }

        [Fact]
        public void LstmCellRejectsAnUnbatchedInputWithA2DCellStateThatDoesNotBroadcast()
        {
            var error = ErrorOf(() =>
            {
                using var cell = nn.LSTMCell(3, 2);
                cell.call(torch.randn(3), (torch.zeros(2), torch.zeros(2, 3)));
            });
            Assert.Equal("The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 2", error);
            var violation = Assert.Single(CellShapeRules.CheckCellCall(Cell(RecurrentKind.LstmCell, 3, 2), Shape.Of(3), Shape.Of(2), Shape.Of(2, 3)).Violations);
            Assert.Equal(ShapeOperand.CellState, violation.Operand);
            Assert.Equal(Shape.Of(2), violation.Expected);

            // A square hx instead of cx does not broadcast either (CellCrashTests): that stays RNN002.
            Assert.Equal(ShapeOperand.HiddenState, Assert.Single(CellShapeRules.CheckCellCall(Cell(RecurrentKind.LstmCell, 3, 2), Shape.Of(3), Shape.Of(2, 2), Shape.Of(2)).Violations).Operand);
        }

        [Theory]
        [InlineData(RecurrentKind.RnnCell)]
        [InlineData(RecurrentKind.LstmCell)]
        [InlineData(RecurrentKind.GruCell)]
        public void ZeroBatchRunsForEveryCell(RecurrentKind kind)
        {
            using var scope = torch.NewDisposeScope();
            var input = torch.randn(0, 3);
            var state = torch.zeros(0, 2);
            Tensor output;
            switch (kind)
            {
                case RecurrentKind.RnnCell:
                    using (var rnnCell = nn.RNNCell(3, 2))
                    {
                        output = rnnCell.call(input, state);
                    }

                    break;
                case RecurrentKind.GruCell:
                    using (var gruCell = nn.GRUCell(3, 2))
                    {
                        output = gruCell.call(input, state);
                    }

                    break;
                default:
                    using (var lstmCell = nn.LSTMCell(3, 2))
                    {
                        output = lstmCell.call(input, (state, state)).Item1;
                    }

                    break;
            }

            var check = CellShapeRules.CheckCellCall(Cell(kind, 3, 2), Shape.Of(0, 3), Shape.Of(0, 2), kind.HasCellState() ? Shape.Of(0, 2) : null);
            Assert.True(check.IsValid);
            Assert.Equal(Shape.Of(0, 2), check.Output);
            Assert.Equal(check.Output, ShapeOf(output));
        }
    }
}
