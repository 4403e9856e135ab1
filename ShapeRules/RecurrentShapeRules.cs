using System;
using System.Collections.Generic;
using System.Globalization;

namespace RnnShapeAnalyzers.ShapeRules
{
    /// <summary>
    /// What TorchSharp 0.107 with libtorch 2.10 requires of a call to RNN, LSTM or GRU, measured on the
    /// real library (see docs/rules). An unknown dimension never breaks a rule.
    /// </summary>
    /// <remarks>
    /// libtorch checks, in order: the input is 3-D; its last dimension equals inputSize; h0 (then c0) is
    /// (numLayers * D, N, hiddenSize) with N the input's dimension 0 when batchFirst, else 1.
    /// </remarks>
    public static class RecurrentShapeRules
    {
        /// <summary>Index of the RNN003 message argument that offers to flip batchFirst.</summary>
        internal const int BatchFirstSuggestionArgument = 7;

        /// <summary>
        /// Checks a call of any of the six layers: RNN, LSTM and GRU here, cells through
        /// <see cref="CellShapeRules.CheckCellCall"/>.
        /// </summary>
        public static RecurrentCallCheck CheckCall(RecurrentLayerSpec layer, Shape input, Shape? hiddenState, Shape? cellState = null)
            => layer is not null && layer.Kind.IsCell()
                ? CellShapeRules.CheckCellCall(layer, input, hiddenState, cellState)
                : CheckSequenceCall(layer!, input, hiddenState, cellState);

        /// <summary>
        /// Checks <c>layer.call(input, state)</c> for RNN, LSTM or GRU. Pass null for a state that is
        /// omitted or null: TorchSharp then builds zeros of the right shape itself.
        /// </summary>
        public static RecurrentCallCheck CheckSequenceCall(RecurrentLayerSpec layer, Shape input, Shape? hiddenState, Shape? cellState = null)
            => Check(layer, input, hiddenState, cellState, suggestFixes: true);

        private static RecurrentCallCheck Check(RecurrentLayerSpec layer, Shape input, Shape? hiddenState, Shape? cellState, bool suggestFixes)
        {
            if (layer is null)
            {
                throw new ArgumentNullException(nameof(layer));
            }

            if (input is null)
            {
                throw new ArgumentNullException(nameof(input));
            }

            if (layer.Kind.IsCell())
            {
                throw new ArgumentException($"{layer.Kind.DisplayName()} is a cell; CheckSequenceCall checks RNN, LSTM and GRU.", nameof(layer));
            }

            var violations = new List<ShapeViolation>();
            var batchIndex = BatchIndex(layer.BatchFirst);
            var batch = batchIndex is int b ? input[b] : Dim.Unknown;
            var sequence = batchIndex is int bi ? input[1 - bi] : Dim.Unknown;
            var expectedState = Shape.Of(layer.StateLayers, batch, layer.HiddenSize);

            if (input.IsRankKnown && input.Rank != 3)
            {
                violations.Add(InputRankViolation(layer, input));
            }
            else
            {
                if (input[-1].IsProvablyDifferentFrom(layer.InputSize))
                {
                    violations.Add(Violations.InputFeatures(layer, input));
                }

                if (batchIndex is int bIndex && sequence.IsKnown && sequence.Value == 0)
                {
                    violations.Add(Violations.EmptySequence(layer, input, 1 - bIndex));
                }

                if (hiddenState is not null)
                {
                    AddStateViolation(violations, layer, input, hiddenState, ShapeOperand.HiddenState, expectedState);
                }

                if (cellState is not null && layer.Kind.HasCellState())
                {
                    AddStateViolation(violations, layer, input, cellState, ShapeOperand.CellState, expectedState);
                }
            }

            if (suggestFixes)
            {
                SuggestBatchFirstFlips(violations, layer, input, hiddenState, cellState);
            }

            var output = layer.BatchFirst == true
                ? Shape.Of(batch, sequence, layer.OutputFeatures)
                : Shape.Of(sequence, batch, layer.OutputFeatures);
            return new RecurrentCallCheck(violations, output, expectedState, layer.Kind.HasCellState() ? expectedState : null);
        }

        /// <summary>True when the call breaks no rule.</summary>
        public static bool IsConsistent(RecurrentLayerSpec layer, Shape input, Shape? hiddenState, Shape? cellState = null)
            => Check(layer, input, hiddenState, cellState, suggestFixes: false).IsValid;

        /// <summary>
        /// True when the states fit the batch layout the layer reads from the input: no RNN002 or RNN003.
        /// This is what flipping batchFirst must achieve; an input feature size or rank problem is
        /// independent of batchFirst and is fixed on its own.
        /// </summary>
        public static bool AcceptsStateLayout(RecurrentLayerSpec layer, Shape input, Shape? hiddenState, Shape? cellState = null)
        {
            foreach (var violation in Check(layer, input, hiddenState, cellState, suggestFixes: false).Violations)
            {
                if (violation.RuleId is RuleIds.HiddenStateShape or RuleIds.BatchFirstMixUp)
                {
                    return false;
                }
            }

            return true;
        }

        private static int? BatchIndex(bool? batchFirst) => batchFirst switch
        {
            true => 0,
            false => 1,
            _ => null,
        };

        private static string Layout(bool? batchFirst) => batchFirst switch
        {
            true => "a 3-D input (batch, sequence, features)",
            false => "a 3-D input (sequence, batch, features)",
            _ => "a 3-D input (sequence, batch, features), or (batch, sequence, features) with batchFirst",
        };

        private static ShapeViolation InputRankViolation(RecurrentLayerSpec layer, Shape input)
        {
            var unsqueezeAt = input.Rank == 2 ? BatchIndex(layer.BatchFirst) : null;
            Shape expected;
            if (unsqueezeAt is int at)
            {
                var dims = new List<Dim>(input.Dims);
                dims.Insert(at, Dim.Of(1));
                expected = Shape.Of(dims);
            }
            else
            {
                expected = Shape.Of(Dim.Unknown, Dim.Unknown, layer.InputSize);
            }

            return Violations.InputRank(layer, input, Layout(layer.BatchFirst), expected, unsqueezeAt);
        }

        private static void AddStateViolation(List<ShapeViolation> violations, RecurrentLayerSpec layer, Shape input, Shape state, ShapeOperand operand, Shape expectedState)
        {
            if (!state.IsRankKnown)
            {
                return;
            }

            var name = ShapeViolation.NameOf(operand);
            if (state.Rank != 3)
            {
                var expectedFromRank = Shape.Of(expectedState.Dims);
                violations.Add(Violations.StateShape(layer, state, operand, expectedFromRank,
                    $"it has {Text(state.Rank)} dimensions but a state always has 3: (numLayers * directions, batch, hiddenSize), whatever batchFirst is"));
                return;
            }

            var wrongLayers = state[0].IsProvablyDifferentFrom(expectedState[0]);
            var batchIndex = BatchIndex(layer.BatchFirst);
            var wrongBatch = state[1].IsProvablyDifferentFrom(expectedState[1]) || IsSymbolicMixUp(input, state[1], batchIndex);
            var wrongHidden = state[2].IsProvablyDifferentFrom(expectedState[2]);
            if (!wrongLayers && !wrongBatch && !wrongHidden)
            {
                return;
            }

            var expected = Shape.Of(
                Prefer(expectedState[0], state[0]),
                Prefer(expectedState[1], state[1]),
                Prefer(expectedState[2], state[2]));

            // The state's batch is the input's other leading dimension: the code was written for the
            // opposite batchFirst. When that is the only thing wrong, it is one mistake: RNN003 alone.
            var isMixUp = wrongBatch && batchIndex is int bIndex && input[1 - bIndex].IsProvablyEqualTo(state[1]);
            if (isMixUp && !wrongLayers && !wrongHidden)
            {
                violations.Add(new ShapeViolation(
                    RuleCatalog.BatchFirstMixUp,
                    operand,
                    state,
                    expected,
                    new[]
                    {
                        name, state[1].ToString(), expectedState[1].ToString(), SpecFlag(layer.BatchFirst), Text(batchIndex!.Value), input.ToString(), expected.ToString(), string.Empty,
                    }));
                return;
            }

            var reasons = new List<string>();
            if (wrongLayers)
            {
                var reason = $"dimension 0 is {state[0]} but must be numLayers * directions = {layer.NumLayers} * {layer.Directions} = {expectedState[0]}";
                if (state[0].IsProvablyEqualTo(expectedState[1]) && state[1].IsProvablyEqualTo(expectedState[0]))
                {
                    reason += " (it is laid out as (batch, numLayers * directions, hiddenSize); a state keeps the batch in dimension 1 whatever batchFirst is)";
                }

                reasons.Add(reason);
            }

            if (wrongBatch)
            {
                var reason = $"dimension 1 is {state[1]} but must be the batch size {expectedState[1]} (dimension {batchIndex} of the input, since batchFirst is {SpecFlag(layer.BatchFirst)})";
                if (isMixUp)
                {
                    reason += $"; {state[1]} is the input's dimension {1 - batchIndex}, as if batchFirst were {SpecFlag(!layer.BatchFirst)}";
                }

                reasons.Add(reason);
            }

            if (wrongHidden)
            {
                reasons.Add($"dimension 2 is {state[2]} but must be hiddenSize {layer.HiddenSize}");
            }

            violations.Add(Violations.StateShape(layer, state, operand, expected, string.Join("; ", reasons)));
        }

        /// <summary>
        /// An RNN003 may be fixed by flipping batchFirst instead of rewriting the state, but only when the
        /// flipped layer accepts every state of the call as it is.
        /// </summary>
        private static void SuggestBatchFirstFlips(List<ShapeViolation> violations, RecurrentLayerSpec layer, Shape input, Shape? hiddenState, Shape? cellState)
        {
            if (layer.BatchFirst is not bool batchFirst)
            {
                return;
            }

            for (var i = 0; i < violations.Count; i++)
            {
                var violation = violations[i];
                if (violation.RuleId != RuleIds.BatchFirstMixUp || !AcceptsStateLayout(layer.WithBatchFirst(!batchFirst), input, hiddenState, cellState))
                {
                    continue;
                }

                var args = new List<string>(violation.MessageArguments);
                args[BatchFirstSuggestionArgument] = $", or set batchFirst: {SpecFlag(!batchFirst)}";
                violations[i] = new ShapeViolation(violation.Rule, violation.Operand, violation.Actual, violation.Expected, args)
                {
                    SuggestedBatchFirst = !batchFirst,
                };
            }
        }

        /// <summary>
        /// The state's batch is named after the input's other leading dimension (<c>x.shape[0]</c> with
        /// batchFirst false, where the batch is <c>x.shape[1]</c>): the sizes are unknown, but the code
        /// takes the sequence length for the batch. It runs only when the two happen to be equal, so it is
        /// reported as the mix-up it is. Never arises at run time, where every size is known.
        /// </summary>
        private static bool IsSymbolicMixUp(Shape input, Dim stateBatch, int? batchIndex)
            => batchIndex is int b
                && stateBatch.Symbol is not null
                && input[1 - b].IsProvablyEqualTo(stateBatch)
                && input[b].Symbol is not null
                && !input[b].IsProvablyEqualTo(stateBatch);

        /// <summary>
        /// The dimension to show as expected: a proven size; a named one unless the actual size is a
        /// proven number the rules found no fault with (a fix must not rewrite a size that may be right).
        /// </summary>
        private static Dim Prefer(Dim expected, Dim actual) => expected.IsKnown || (expected.Symbol is not null && !actual.IsKnown) ? expected : actual;

        private static string SpecFlag(bool? flag) => RecurrentLayerSpec.Format(flag);

        private static string Text(int value) => Violations.Text(value);
    }
}
