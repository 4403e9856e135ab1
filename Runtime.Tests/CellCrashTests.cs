using RnnShapeAnalyzers.Runtime.Tests.Differential;
using RnnShapeAnalyzers.ShapeRules;
using Xunit;

namespace RnnShapeAnalyzers.Runtime.Tests
{
    /// <summary>
    /// LSTMCell and GRUCell called with a 1-D input and a (hiddenSize, hiddenSize) hx: libtorch 2.10
    /// kills the process for some hidden sizes and throws for the others (see
    /// <see cref="ProcessCrashingCalls"/>). The rules reject them all; the crashes are watched from a
    /// child process, the rest run here.
    /// </summary>
    public sealed class CellCrashTests
    {
        private static DifferentialCase UnbatchedCallWithSquareState(RecurrentKind kind, long hiddenSize, bool oneDimensionalCellState = false)
            => new DifferentialCase(0, 0, kind, 3, hiddenSize, 1, false, false, new long[] { 3 }, new[] { hiddenSize, hiddenSize },
                !kind.HasCellState() ? null : oneDimensionalCellState ? new[] { hiddenSize } : new[] { hiddenSize, hiddenSize }, null, null);

        // Every hidden size up to 6 (what the differential test draws) that ProcessCrashingCalls says
        // crashes, so that the test never classifies a call it did not make on a guess.
        [Theory]
        [InlineData(RecurrentKind.LstmCell, 1, false)]
        [InlineData(RecurrentKind.LstmCell, 2, false)]
        [InlineData(RecurrentKind.LstmCell, 3, false)]
        [InlineData(RecurrentKind.LstmCell, 3, true)]
        [InlineData(RecurrentKind.LstmCell, 5, false)]
        [InlineData(RecurrentKind.LstmCell, 6, false)]
        [InlineData(RecurrentKind.GruCell, 1, false)]
        public void UnbatchedInputWithASquareHiddenStateKillsTheProcess(RecurrentKind kind, long hiddenSize, bool oneDimensionalCellState)
        {
            var draw = UnbatchedCallWithSquareState(kind, hiddenSize, oneDimensionalCellState);
            Assert.True(ProcessCrashingCalls.KillsTheProcess(draw));

            var (exitCode, output) = ChildProcessCall.Run(draw);
            Assert.Contains(ChildProcessCall.CallingMarker, output, System.StringComparison.Ordinal);
            Assert.True(exitCode == ChildProcessCall.SegmentationFaultExitCode, $"exit code {exitCode}, expected a SIGSEGV; output:\n{output}");

            var violation = Assert.Single(RecurrentShapeRules.CheckCall(draw.Spec, draw.InputShape, draw.HiddenShape, draw.CellShape).Violations);
            Assert.Equal(RuleIds.HiddenStateShape, violation.RuleId);
            Assert.Equal(ShapeOperand.HiddenState, violation.Operand);
            Assert.Equal(Shape.Of(hiddenSize), violation.Expected);
        }

        [Theory]
        [InlineData(RecurrentKind.LstmCell, 4, "The size of tensor a (16) must match the size of tensor b (4) at non-singleton dimension 2")]
        [InlineData(RecurrentKind.LstmCell, 7, "The size of tensor a (28) must match the size of tensor b (7) at non-singleton dimension 2")]
        [InlineData(RecurrentKind.GruCell, 2, "The size of tensor a (6) must match the size of tensor b (2) at non-singleton dimension 2")]
        [InlineData(RecurrentKind.GruCell, 6, "The size of tensor a (18) must match the size of tensor b (6) at non-singleton dimension 2")]
        public void UnbatchedInputWithASquareHiddenStateThrowsWhereItDoesNotCrash(RecurrentKind kind, long hiddenSize, string message)
        {
            var draw = UnbatchedCallWithSquareState(kind, hiddenSize);
            Assert.False(ProcessCrashingCalls.KillsTheProcess(draw));

            using var module = LibTorchCall.CreateModule(draw);
            var outcome = LibTorchCall.Run(module, draw);
            Assert.Equal(message, outcome.Message);

            var violation = Assert.Single(RecurrentShapeRules.CheckCall(draw.Spec, draw.InputShape, draw.HiddenShape, draw.CellShape).Violations);
            Assert.Equal(RuleIds.HiddenStateShape, violation.RuleId);
        }
    }
}
