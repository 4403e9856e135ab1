using System;
using System.Collections.Generic;

namespace RnnShapeAnalyzers.ShapeRules
{
    /// <summary>
    /// What TorchSharp 0.107 with libtorch 2.10 requires of one step of RNNCell, LSTMCell or GRUCell,
    /// measured on the real library. An unknown dimension never breaks a rule.
    /// </summary>
    /// <remarks>
    /// The input is (batch, inputSize) or, unbatched, (inputSize); the state has the same rank:
    /// (batch, hiddenSize) or (hiddenSize). Without a state, RNNCell and GRUCell fill in zeros for a
    /// 2-D input only, and LSTMCell never does (TorchSharp passes undefined tensors to libtorch).
    /// </remarks>
    public static class CellShapeRules
    {
        /// <summary>
        /// Checks <c>cell.call(input, state)</c>. Pass null for an omitted or null state; for LSTMCell
        /// pass the pair (hx, cx) as <paramref name="hiddenState"/> and <paramref name="cellState"/>.
        /// </summary>
        public static RecurrentCallCheck CheckCellCall(RecurrentLayerSpec cell, Shape input, Shape? hiddenState, Shape? cellState = null)
        {
            if (cell is null)
            {
                throw new ArgumentNullException(nameof(cell));
            }

            if (input is null)
            {
                throw new ArgumentNullException(nameof(input));
            }

            if (!cell.Kind.IsCell())
            {
                throw new ArgumentException($"{cell.Kind.DisplayName()} is not a cell; CellShapeRules checks RNNCell, LSTMCell and GRUCell.", nameof(cell));
            }

            var violations = new List<ShapeViolation>();
            var batched = !input.IsRankKnown || input.Rank != 1;
            var expectedState = batched ? Shape.Of(input[0], cell.HiddenSize) : Shape.Of(cell.HiddenSize);
            if (!input.IsRankKnown)
            {
                expectedState = Shape.UnknownRank;
            }

            if (input.IsRankKnown && input.Rank is not (1 or 2))
            {
                var expected = Shape.Of(Dim.Unknown, cell.InputSize);
                violations.Add(Violations.InputRank(cell, input, "a 2-D input (batch, features) or a 1-D input (features)", expected, unsqueezeAt: null));
            }
            else
            {
                if (input[-1].IsProvablyDifferentFrom(cell.InputSize))
                {
                    violations.Add(Violations.InputFeatures(cell, input));
                }

                if (hiddenState is null)
                {
                    if (input.IsRankKnown && (cell.Kind == RecurrentKind.LstmCell || !batched))
                    {
                        violations.Add(Violations.MissingCellState(cell, input, expectedState));
                    }
                }
                else
                {
                    AddStateViolation(violations, cell, input, hiddenState, ShapeOperand.HiddenState, expectedState);
                    if (cell.Kind.HasCellState() && cellState is not null)
                    {
                        AddStateViolation(violations, cell, input, cellState, ShapeOperand.CellState, expectedState);
                    }
                }
            }

            var output = input.IsRankKnown ? expectedState : Shape.UnknownRank;
            return new RecurrentCallCheck(violations, output, output, cell.Kind.HasCellState() ? output : null);
        }

        private static void AddStateViolation(List<ShapeViolation> violations, RecurrentLayerSpec cell, Shape input, Shape state, ShapeOperand operand, Shape expectedState)
        {
            if (!state.IsRankKnown || !input.IsRankKnown)
            {
                return;
            }

            if (state.Rank != input.Rank)
            {
                violations.Add(Violations.StateShape(cell, state, operand, expectedState,
                    $"it has {Violations.Text(state.Rank)} dimensions but a {Violations.Text(input.Rank)}-D input needs a {Violations.Text(input.Rank)}-D state {(input.Rank == 2 ? "(batch, hiddenSize)" : "(hiddenSize)")}"));
                return;
            }

            var reasons = new List<string>();
            if (input.Rank == 2 && state[0].IsProvablyDifferentFrom(input[0]))
            {
                reasons.Add($"dimension 0 is {state[0]} but must be the batch size {input[0]} (dimension 0 of the input)");
            }

            if (state[-1].IsProvablyDifferentFrom(cell.HiddenSize))
            {
                reasons.Add($"dimension {Violations.Text(input.Rank - 1)} is {state[-1]} but must be hiddenSize {cell.HiddenSize}");
            }

            if (reasons.Count > 0)
            {
                var expected = input.Rank == 2
                    ? Shape.Of(Prefer(input[0], state[0]), Prefer(cell.HiddenSize, state[1]))
                    : Shape.Of(Prefer(cell.HiddenSize, state[0]));
                violations.Add(Violations.StateShape(cell, state, operand, expected, string.Join("; ", reasons)));
            }
        }

        private static Dim Prefer(Dim expected, Dim actual) => expected.IsKnown || expected.Symbol is not null ? expected : actual;
    }
}
