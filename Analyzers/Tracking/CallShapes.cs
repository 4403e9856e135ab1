using System.Collections.Generic;
using RnnShapeAnalyzers.ShapeRules;

namespace RnnShapeAnalyzers.Tracking
{
    /// <summary>
    /// The shapes of one recurrent call as the rules see them. When the input's rank is not known but
    /// its dimensions are named after a root (a parameter <c>x</c>), the rank the layer accepts decides
    /// the root's rank: RNN, LSTM and GRU read 3-D input, so <c>embedding.call(x)</c> makes x 2-D. A cell
    /// reads 1-D or 2-D input, so both are assumed, and a violation is reported only when it holds under
    /// every assumption.
    /// </summary>
    internal sealed class CallShapes
    {
        private const int MaxRootRank = 6;

        private readonly List<(Shape Input, Shape? Hidden, Shape? Cell)> _alternatives;

        private CallShapes(List<(Shape Input, Shape? Hidden, Shape? Cell)> assumptions)
        {
            _alternatives = assumptions;
        }

        /// <summary>The input under the first assumption.</summary>
        public Shape Input => _alternatives[0].Input;

        public Shape? Hidden => _alternatives[0].Hidden;

        public Shape? Cell => _alternatives[0].Cell;

        /// <summary>
        /// True when the input has the same known rank under every assumption. A cell's input of unknown
        /// rank is 1-D or 2-D, and a state written for one is wrong for the other.
        /// </summary>
        public bool IsInputRankSettled
        {
            get
            {
                foreach (var (input, _, _) in _alternatives)
                {
                    if (!input.IsRankKnown || input.Rank != Input.Rank)
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        public static CallShapes? Settle(RecurrentCall call, ShapeEvaluator evaluator)
        {
            var hidden = call.HiddenState?.Shape;
            var cell = call.CellState?.Shape;
            var assumptions = new List<(Shape, Shape?, Shape?)>();
            var input = call.Input;
            if (input.Root is { } root && input.ShapeForRootRank is { } shapeFor)
            {
                foreach (var rank in AcceptedRootRanks(call.Spec, shapeFor))
                {
                    assumptions.Add((evaluator.Settle(shapeFor(rank), root, rank), Settle(evaluator, hidden, root, rank), Settle(evaluator, cell, root, rank)));
                }

                if (assumptions.Count == 0)
                {
                    assumptions.Add((RankIndependentShape(shapeFor), hidden, cell));
                }

                // The first assumption words the message: a cell's input is usually a batch, (batch, features).
                if (assumptions.Count == 2 && assumptions[1].Item1.IsRankKnown && assumptions[1].Item1.Rank == 2)
                {
                    assumptions.Reverse();
                }
            }
            else if (!input.Shape.IsRankKnown && call.Spec.Kind.IsCell())
            {
                // Nothing known of a cell's input: it is 1-D or 2-D (anything else throws), states are
                // still checked under both.
                assumptions.Add((Shape.Of(Dim.Unknown, Dim.Unknown), hidden, cell));
                assumptions.Add((Shape.Of(Dim.Unknown), hidden, cell));
            }
            else
            {
                assumptions.Add((input.Shape, hidden, cell));
            }

            return new CallShapes(assumptions);
        }

        /// <summary>What the rules prove wrong with the call under every assumption, dtypes included.</summary>
        public IReadOnlyList<ShapeViolation> Violations(RecurrentCall call)
        {
            var violations = new List<ShapeViolation>();
            var first = Violations(call.Spec, Input, Hidden, Cell);
            foreach (var violation in first)
            {
                if (call.IsPacked && violation.RuleId == RuleIds.EmptySequence)
                {
                    // The packed lengths decide the time steps, not the padded tensor's size.
                    continue;
                }

                var holdsEverywhere = true;
                for (var i = 1; i < _alternatives.Count && holdsEverywhere; i++)
                {
                    var (input, hidden, cell) = _alternatives[i];
                    holdsEverywhere = false;
                    foreach (var other in Violations(call.Spec, input, hidden, cell))
                    {
                        holdsEverywhere |= other.RuleId == violation.RuleId && other.Operand == violation.Operand;
                    }
                }

                if (holdsEverywhere)
                {
                    violations.Add(violation);
                }
            }

            violations.AddRange(ElementTypeRules.CheckElementTypes(call.Spec.Kind, call.Layer.ElementType, call.Input.ElementType, call.HiddenState?.ElementType, call.CellState?.ElementType));
            return violations;
        }

        public static IReadOnlyList<ShapeViolation> Violations(RecurrentLayerSpec spec, Shape input, Shape? hidden, Shape? cell)
            => spec.Kind.IsCell()
                ? CellShapeRules.CheckCellCall(spec, input, hidden, cell).Violations
                : RecurrentShapeRules.CheckSequenceCall(spec, input, hidden, cell).Violations;

        /// <summary>
        /// The shape of a tensor whatever its root's rank: its own when known; otherwise only its last
        /// dimension, when that is the same for every rank (a Linear needs no more).
        /// </summary>
        public static Shape AnyRankShape(TrackedTensor tensor)
        {
            if (tensor.Shape.IsRankKnown || tensor.ShapeForRootRank is not { } shapeFor)
            {
                return tensor.Shape;
            }

            Dim? last = null;
            for (var rank = 1; rank <= MaxRootRank; rank++)
            {
                var shape = shapeFor(rank);
                if (!shape.IsRankKnown || shape.Rank == 0 || (last is { } seen && !seen.Equals(shape[-1])))
                {
                    return Shape.UnknownRank;
                }

                last = shape[-1];
            }

            return last is { IsKnown: true } features ? Shape.Of(features) : Shape.UnknownRank;
        }

        /// <summary>The ranks of the root for which the layer accepts the input's rank (3 for RNN, LSTM, GRU; 1 or 2 for cells).</summary>
        public static List<int> AcceptedRootRanks(RecurrentLayerSpec spec, System.Func<int, Shape> shapeFor)
        {
            var ranks = new List<int>(2);
            for (var rank = 0; rank <= MaxRootRank; rank++)
            {
                var shape = shapeFor(rank);
                if (shape.IsRankKnown && Accepts(spec, shape.Rank))
                {
                    ranks.Add(rank);
                }
            }

            return ranks;
        }

        private static bool Accepts(RecurrentLayerSpec spec, int rank) => spec.Kind.IsCell() ? rank is 1 or 2 : rank == 3;

        private static Shape? Settle(ShapeEvaluator evaluator, Shape? shape, string root, int rank) => shape is null ? null : evaluator.Settle(shape, root, rank);

        /// <summary>A shape whose rank does not depend on the root's (a view to a fixed rank), else unknown.</summary>
        private static Shape RankIndependentShape(System.Func<int, Shape> shapeFor)
        {
            var first = shapeFor(1);
            for (var rank = 2; rank <= MaxRootRank; rank++)
            {
                var shape = shapeFor(rank);
                if (!first.IsRankKnown || !shape.IsRankKnown || shape.Rank != first.Rank)
                {
                    return Shape.UnknownRank;
                }
            }

            return first;
        }
    }
}
