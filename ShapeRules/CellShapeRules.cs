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
    /// 2-D input, and for a 1-D input only when it has a single feature; LSTMCell never does
    /// (TorchSharp passes undefined tensors to libtorch). A 2-D state with a 1-D input runs in two
    /// cases, by broadcasting: see <see cref="IsBroadcastUnbatchedState"/>.
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
                    if (input.IsRankKnown && (cell.Kind == RecurrentKind.LstmCell || (!batched && !DefaultStateMayFitUnbatchedInput(cell, input))))
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
            var broadcast = IsBroadcastUnbatchedState(cell, input, hiddenState, ShapeOperand.HiddenState) ? hiddenState
                : IsBroadcastUnbatchedState(cell, input, cellState, ShapeOperand.CellState) ? cellState
                : null;
            if (broadcast is not null)
            {
                output = BroadcastUnbatchedOutput(cell, broadcast);
            }

            return new RecurrentCallCheck(violations, output, output, cell.Kind.HasCellState() ? output : null);
        }

        /// <summary>
        /// RNNCell and GRUCell build a missing state as zeros (input.size(0), hiddenSize) before they
        /// unsqueeze a 1-D input to (1, inputSize): a batch of inputSize states against a batch of one
        /// step. It fits only when the input has a single feature. The feature count is the input's
        /// dimension when known, else inputSize (with any other input size the call fails on RNN001).
        /// </summary>
        private static bool DefaultStateMayFitUnbatchedInput(RecurrentLayerSpec cell, Shape input)
        {
            var features = input[0].IsKnown ? input[0] : cell.InputSize;
            return !features.IsProvablyDifferentFrom(Dim.Of(1));
        }

        /// <summary>
        /// The states whose rank differs from the input's that libtorch runs, found by the differential
        /// test: with a 1-D input, RNNCell's hx of (hiddenSize, hiddenSize) and LSTMCell's cx of
        /// (hiddenSize, k) when k broadcasts against hiddenSize (k = hiddenSize, k = 1, or any k when
        /// hiddenSize is 1). libtorch unsqueezes input and state to (1, inputSize) and (1, hiddenSize, k),
        /// its checks only compare dimensions 0 and 1, and the arithmetic broadcasts: RNNCell multiplies hx
        /// by the (hiddenSize, hiddenSize) weight, LSTMCell multiplies cx element-wise by (1, hiddenSize)
        /// gates. The result is 2-D (see <see cref="BroadcastUnbatchedOutput"/>). GRUCell's gates, and
        /// LSTMCell's with such an hx, do not broadcast: they throw or crash the process instead.
        /// </summary>
        private static bool IsBroadcastUnbatchedState(RecurrentLayerSpec cell, Shape input, Shape? state, ShapeOperand operand)
        {
            if (state is null || !input.IsRankKnown || input.Rank != 1 || !state.IsRankKnown || state.Rank != 2 || state[0].IsProvablyDifferentFrom(cell.HiddenSize))
            {
                return false;
            }

            return cell.Kind switch
            {
                RecurrentKind.RnnCell => operand == ShapeOperand.HiddenState && !state[1].IsProvablyDifferentFrom(cell.HiddenSize),
                RecurrentKind.LstmCell => operand == ShapeOperand.CellState && Broadcast(cell.HiddenSize, state[1]) is not null,
                _ => false,
            };
        }

        /// <summary>The (hiddenSize, k') every output of a call with a broadcast state has: k' is hiddenSize broadcast with the state's dimension 1.</summary>
        private static Shape BroadcastUnbatchedOutput(RecurrentLayerSpec cell, Shape state)
            => Shape.Of(Prefer(cell.HiddenSize, state[0]), Broadcast(cell.HiddenSize, state[1]) ?? Dim.Unknown);

        /// <summary>The size two broadcast dimensions give, as far as known; null when they provably do not broadcast.</summary>
        private static Dim? Broadcast(Dim first, Dim second)
        {
            if (first.IsKnown && first.Value == 1)
            {
                return second;
            }

            if (second.IsKnown && second.Value == 1)
            {
                return first;
            }

            if (first.IsProvablyDifferentFrom(second))
            {
                return null;
            }

            return first.IsKnown || first.Symbol is not null ? first : second;
        }

        private static void AddStateViolation(List<ShapeViolation> violations, RecurrentLayerSpec cell, Shape input, Shape state, ShapeOperand operand, Shape expectedState)
        {
            if (!state.IsRankKnown || !input.IsRankKnown)
            {
                return;
            }

            if (state.Rank != input.Rank)
            {
                if (!IsBroadcastUnbatchedState(cell, input, state, operand))
                {
                    violations.Add(Violations.StateShape(cell, state, operand, expectedState,
                        $"it has {Violations.Text(state.Rank)} dimensions but a {Violations.Text(input.Rank)}-D input needs a {Violations.Text(input.Rank)}-D state {(input.Rank == 2 ? "(batch, hiddenSize)" : "(hiddenSize)")}"));
                }

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
