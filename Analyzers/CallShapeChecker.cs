using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using RnnShapeAnalyzers.ShapeRules;
using RnnShapeAnalyzers.Tracking;

namespace RnnShapeAnalyzers
{
    /// <summary>
    /// Checks the candidate calls of one type with the shared rules and reports what they prove, with
    /// the facts each fix needs. A fix is offered only when it breaks no other call of the same layer
    /// (or of the same tensor): calls are grouped once, so this stays linear in the number of calls.
    /// </summary>
    internal sealed class CallShapeChecker
    {
        private readonly ShapeEvaluator _evaluator;
        private readonly Action<Diagnostic> _report;
        private readonly CancellationToken _cancellationToken;

        // A layer called N times with the same mistake asks the same question of its N calls N times:
        // each verdict is computed once per layer and value, so the check stays linear in the calls.
        private readonly Dictionary<(List<CheckedCall>, bool), bool> _batchFirstVerdicts = new Dictionary<(List<CheckedCall>, bool), bool>();
        private readonly Dictionary<(List<CheckedCall>, Dim), bool> _inputSizeVerdicts = new Dictionary<(List<CheckedCall>, Dim), bool>();
        private readonly Dictionary<(List<CheckedCall>, string), bool> _elementTypeVerdicts = new Dictionary<(List<CheckedCall>, string), bool>();

        public CallShapeChecker(ShapeEvaluator evaluator, Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            _evaluator = evaluator;
            _report = report;
            _cancellationToken = cancellationToken;
        }

        public void Check(List<IInvocationOperation> candidates)
        {
            var calls = new List<CheckedCall>();
            var byLayer = new Dictionary<IInvocationOperation, List<CheckedCall>>();
            var bySource = new Dictionary<IOperation, List<CheckedCall>>();
            var linearCalls = new List<LinearCall>();
            var linearsByLayer = new Dictionary<IInvocationOperation, List<LinearCall>>();
            foreach (var invocation in candidates)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                if (_evaluator.Symbols.IsLinear(invocation.Instance?.Type))
                {
                    if (LinearCallOf(invocation) is { } linearCall)
                    {
                        linearCalls.Add(linearCall);
                        Add(linearsByLayer, linearCall.Layer.Factory, linearCall);
                    }

                    continue;
                }

                if (_evaluator.CallOf(invocation) is not { } call || CallShapes.Settle(call, _evaluator) is not { } shapes)
                {
                    continue;
                }

                var checkedCall = new CheckedCall(call, shapes);
                calls.Add(checkedCall);
                Add(byLayer, call.Layer.Factory, checkedCall);
                foreach (var tensor in new[] { call.Input, call.HiddenState, call.CellState })
                {
                    if (tensor?.Source is { } source)
                    {
                        Add(bySource, source, checkedCall);
                    }
                }
            }

            foreach (var call in calls)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                foreach (var violation in call.Violations)
                {
                    Report(call, violation, byLayer[call.Call.Layer.Factory], bySource);
                }
            }

            foreach (var linearCall in linearCalls)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                CheckLinearCall(linearCall, linearsByLayer[linearCall.Layer.Factory]);
            }
        }

        private void Report(CheckedCall call, ShapeViolation violation, List<CheckedCall> sameLayer, Dictionary<IOperation, List<CheckedCall>> bySource)
        {
            // A chained violation keeps the feature mismatch's shapes for the facts; its own words for the message.
            var reported = ChainedViolation(call, violation) ?? violation;
            if (Descriptors.ForRule(reported.RuleId) is not { } descriptor
                || (reported.RuleId == RuleIds.MissingCellState && _evaluator.Symbols.IsCheckedCell(call.Call.Invocation.Instance?.Type)))
            {
                return;
            }

            if (reported.SuggestedBatchFirst is bool flipped && !Memo(_batchFirstVerdicts, sameLayer, flipped, AllCallsAcceptBatchFirst))
            {
                reported = violation = reported.WithoutSuggestedBatchFirst();
            }

            var facts = new DiagnosticFacts();
            facts.Add(DiagnosticFacts.ExpectedShape, Format(violation.Expected));
            facts.Add(DiagnosticFacts.ActualShape, Format(violation.Actual));
            var layer = call.Call.Layer;
            var (location, tensor) = Target(call.Call, violation);
            switch (reported.RuleId)
            {
                case RuleIds.InputFeatureSize or RuleIds.RecurrentLayerChain or RuleIds.EmbeddingDimension:
                    if (layer.IsFixable && Memo(_inputSizeVerdicts, sameLayer, violation.Actual[-1], AllCallsAcceptInputSize))
                    {
                        facts.AddLocation(DiagnosticFacts.LayerInputSize, layer.InputSizeSyntax);
                    }

                    break;
                case RuleIds.BatchFirstMixUp when violation.SuggestedBatchFirst is bool batchFirst && layer.IsFixable:
                    facts.Add(DiagnosticFacts.SuggestedBatchFirst, batchFirst ? "true" : "false");
                    facts.AddLocation(DiagnosticFacts.LayerFactory, layer.Factory.Syntax);
                    facts.AddLocation(DiagnosticFacts.LayerBatchFirst, layer.BatchFirstSyntax);
                    break;
                case RuleIds.InputRank when violation.UnsqueezeDimension is int dimension:
                    facts.Add(DiagnosticFacts.UnsqueezeDimension, dimension.ToString(CultureInfo.InvariantCulture));
                    break;
                case RuleIds.ElementType:
                    facts.Add(DiagnosticFacts.LayerElementType, violation.MessageArguments[3]);
                    facts.Add(DiagnosticFacts.TensorElementType, violation.MessageArguments[1]);
                    if (IsTensorExpression(call.Call, violation.Operand))
                    {
                        facts.AddLocation(DiagnosticFacts.ConvertibleTensor, location);
                    }

                    if (layer.IsFixable && Memo(_elementTypeVerdicts, sameLayer, violation.MessageArguments[1], AllCallsAcceptElementType))
                    {
                        facts.AddLocation(DiagnosticFacts.LayerFactory, layer.Factory.Syntax);
                    }

                    break;
                case RuleIds.MissingCellState when call.Shapes.IsInputRankSettled && StateExpression(call.Call, violation.Expected) is { } state:
                    facts.Add(DiagnosticFacts.StateExpression, state);
                    break;
            }

            var rewritable = tensor is not null && reported.RuleId is RuleIds.InputFeatureSize or RuleIds.HiddenStateShape or RuleIds.BatchFirstMixUp
                && AllUsesAcceptShape(bySource, tensor.Source, violation.Expected);
            for (var i = 0; rewritable && i < tensor!.DimensionSyntax.Length; i++)
            {
                facts.AddLocation(DiagnosticFacts.TensorDimensionKey(i), tensor.DimensionSyntax[i]);
                if (violation.Expected.IsRankKnown && i < violation.Expected.Rank && Expression(violation.Expected[i]) is { } text && !violation.Expected[i].IsKnown
                    && !violation.Expected[i].IsProvablyEqualTo(violation.Actual[i]))
                {
                    facts.Add(DiagnosticFacts.DimensionExpressionKey(i), text);
                }
            }

            _report(Diagnostic.Create(descriptor, location.GetLocation(), facts.Locations, facts.Properties, MessageArguments(reported, layer)));
        }

        /// <summary>
        /// An input feature size mismatch whose input is the output of another recurrent layer or of an
        /// embedding is the layer-chaining rule (RNN009, RNN011), with both layers named.
        /// </summary>
        private static ShapeViolation? ChainedViolation(CheckedCall call, ShapeViolation violation)
        {
            if (violation.RuleId != RuleIds.InputFeatureSize || call.Call.Input.Producer is not { } producer)
            {
                return null;
            }

            var features = call.Shapes.Input[-1];
            var consumer = call.Call.Layer;
            switch (producer.Part)
            {
                case TensorProducerPart.RecurrentOutput when producer.Layer.Spec is { } spec && features.IsProvablyEqualTo(spec.OutputFeatures):
                    return LayerChainRules.CheckRecurrentToRecurrent(spec, producer.Layer.DisplayName, consumer.Spec!, consumer.DisplayName);
                case TensorProducerPart.Embedding when features.IsProvablyEqualTo(producer.Layer.OutFeatures):
                    return LayerChainRules.CheckEmbeddingToRecurrent(producer.Layer.OutFeatures, producer.Layer.DisplayName, consumer.Spec!, consumer.DisplayName);
                default:
                    return null;
            }
        }

        /// <summary>A call of a Linear whose layer the analyzer found, with the shape of its input.</summary>
        private LinearCall? LinearCallOf(IInvocationOperation invocation)
        {
            if (_evaluator.EvaluateLayer(invocation.Instance) is not { Kind: TrackedLayerKind.Linear } linear
                || Argument(invocation, 0) is not { } input
                || !_evaluator.Symbols.IsTensor(input.Value.Type))
            {
                return null;
            }

            var tensor = _evaluator.EvaluateTensor(input.Value);
            return new LinearCall(linear, input.Value.Syntax, tensor, CallShapes.AnyRankShape(tensor));
        }

        /// <summary>
        /// RNN010: a Linear whose in_features differs from the features of the recurrent output it is given.
        /// The fix is offered only when no call of the same Linear reads other features than the new in_features.
        /// </summary>
        private void CheckLinearCall(LinearCall call, List<LinearCall> sameLayer)
        {
            var linear = call.Layer;
            if (call.Tensor.Producer is not { Layer.Spec: { } spec } producer || producer.Part == TensorProducerPart.Embedding)
            {
                return;
            }

            var features = call.Shape[-1];
            var part = producer.Part == TensorProducerPart.RecurrentOutput ? RecurrentOutputPart.Output : RecurrentOutputPart.FinalHiddenSlice;
            var implied = part == RecurrentOutputPart.Output ? spec.OutputFeatures : spec.HiddenSize;
            if (!features.IsProvablyEqualTo(implied)
                || LayerChainRules.CheckRecurrentToLinear(spec, part, producer.Layer.DisplayName, linear.InFeatures, linear.DisplayName) is not { } violation
                || Descriptors.ForRule(violation.RuleId) is not { } descriptor)
            {
                return;
            }

            var facts = new DiagnosticFacts();
            facts.Add(DiagnosticFacts.ActualShape, Format(call.Shape));
            if (linear.IsFixable && features.IsKnown && sameLayer.TrueForAll(other => !other.Shape[-1].IsProvablyDifferentFrom(features)))
            {
                facts.AddLocation(DiagnosticFacts.LayerInputSize, linear.InputSizeSyntax);
            }

            _report(Diagnostic.Create(descriptor, call.InputSyntax.GetLocation(), facts.Locations, facts.Properties, violation.MessageArguments.ToArray<object>()));
        }

        /// <summary>The catalog's message, with the layer named where it came from when it is not a local.</summary>
        private static object[] MessageArguments(ShapeViolation violation, TrackedLayer layer)
        {
            var arguments = violation.MessageArguments.ToArray<object>();
            if (layer.Origin is null || violation.RuleId is RuleIds.RecurrentLayerChain or RuleIds.EmbeddingDimension)
            {
                return arguments;
            }

            var plain = layer.Spec!.Kind.DisplayName();
            for (var i = 0; i < arguments.Length; i++)
            {
                if ((string)arguments[i] == plain)
                {
                    arguments[i] = layer.DisplayName;
                    break;
                }
            }

            return arguments;
        }

        private static (SyntaxNode Location, TrackedTensor? Tensor) Target(RecurrentCall call, ShapeViolation violation)
        {
            if (violation.RuleId == RuleIds.MissingCellState)
            {
                return (call.InputSyntax, null);
            }

            return violation.Operand switch
            {
                ShapeOperand.HiddenState when call.HiddenStateSyntax is { } hidden => (hidden, call.HiddenState),
                ShapeOperand.CellState when call.CellStateSyntax is { } cell => (cell, call.CellState),
                _ => (call.InputSyntax, call.Input),
            };
        }

        /// <summary>
        /// Whether what the diagnostic is reported on is the tensor itself, which <c>.to(...)</c> converts:
        /// not a packed sequence, nor an LSTM state pair held in a local (reported at the pair).
        /// </summary>
        private static bool IsTensorExpression(RecurrentCall call, ShapeOperand operand) => operand switch
        {
            ShapeOperand.Input => !call.IsPacked,
            _ => !call.Spec.Kind.HasCellState() || call.HiddenStateSyntax != call.CellStateSyntax,
        };

        /// <summary>
        /// RNN008's fix: <c>(zeros(N, H), zeros(N, H))</c> for LSTMCell, <c>zeros(N, H)</c> for RNNCell and GRUCell
        /// (N absent for a 1-D input), written with sizes the code can say: numbers, a
        /// named dimension, or <c>x.shape[0]</c> of the input when it is a plain name.
        /// </summary>
        private static string? StateExpression(RecurrentCall call, Shape expected)
        {
            if (!expected.IsRankKnown || call.Layer.ElementType != "Float32")
            {
                return null;
            }

            var sizes = new string[expected.Rank];
            for (var i = 0; i < sizes.Length; i++)
            {
                if (Expression(expected[i]) is { } text)
                {
                    sizes[i] = text;
                }
                else if (i == 0 && expected.Rank == 2 && IsCheapToRepeat(call.InputSyntax))
                {
                    sizes[i] = call.InputSyntax.ToString() + ".shape[0]";
                }
                else
                {
                    return null;
                }
            }

            var zeros = "global::TorchSharp.torch.zeros(" + string.Join(", ", sizes) + ")";
            return call.Spec.Kind.HasCellState() ? "(" + zeros + ", " + zeros + ")" : zeros;
        }

        /// <summary>A name, a member, or an element with constant indices: reading it again computes nothing.</summary>
        private static bool IsCheapToRepeat(SyntaxNode syntax) => syntax switch
        {
            Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax => true,
            Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax member => IsCheapToRepeat(member.Expression),
            Microsoft.CodeAnalysis.CSharp.Syntax.ElementAccessExpressionSyntax element => IsCheapToRepeat(element.Expression)
                && element.ArgumentList.Arguments.All(a => a.Expression is Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.PrefixUnaryExpressionSyntax { Operand: Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax }),
            Microsoft.CodeAnalysis.CSharp.Syntax.ThisExpressionSyntax => true,
            _ => false,
        };

        /// <summary>A size as code: a number, or a named dimension of a parameter or local (<c>x.shape[1]</c>).</summary>
        private static string? Expression(Dim dim)
        {
            if (dim.IsKnown)
            {
                return dim.Value.ToString(CultureInfo.InvariantCulture);
            }

            return dim.Symbol is { } symbol && TrackedTensor.IsDimensionName(symbol) ? symbol : null;
        }

        private static bool Memo<TValue>(Dictionary<(List<CheckedCall>, TValue), bool> verdicts, List<CheckedCall> sameLayer, TValue value, Func<List<CheckedCall>, TValue, bool> decide)
        {
            if (!verdicts.TryGetValue((sameLayer, value), out var verdict))
            {
                verdict = decide(sameLayer, value);
                verdicts.Add((sameLayer, value), verdict);
            }

            return verdict;
        }

        /// <summary>Flipping batchFirst must not break another call of the same layer.</summary>
        private static bool AllCallsAcceptBatchFirst(List<CheckedCall> sameLayer, bool batchFirst)
        {
            foreach (var other in sameLayer)
            {
                // A packed input is read in the pack's layout whatever the layer's batchFirst: the flip changes nothing there.
                var spec = other.Call.Spec;
                var flipped = other.Call.IsPacked ? spec : spec.WithBatchFirst(batchFirst);
                if (spec.Kind.IsCell() || !RecurrentShapeRules.AcceptsStateLayout(flipped, other.Shapes.Input, other.Shapes.Hidden, other.Shapes.Cell))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Building the layer with <paramref name="elementType"/> must leave no tensor given to it with
        /// another known dtype: not in another call, nor a state of the same call.
        /// </summary>
        private static bool AllCallsAcceptElementType(List<CheckedCall> sameLayer, string elementType)
        {
            foreach (var other in sameLayer)
            {
                var call = other.Call;
                foreach (var tensor in new[] { call.Input, call.HiddenState, call.CellState })
                {
                    if (tensor?.ElementType is { } type && type != elementType)
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        /// <summary>
        /// Setting inputSize to <paramref name="features"/> must leave no call of the same layer with a
        /// wrong feature size: not one that was right, nor one with other features.
        /// </summary>
        private static bool AllCallsAcceptInputSize(List<CheckedCall> sameLayer, Dim features)
        {
            if (!features.IsKnown)
            {
                return false;
            }

            foreach (var other in sameLayer)
            {
                if (other.Shapes.Input[-1].IsProvablyDifferentFrom(features) || (other.Call.IsPacked && !other.Shapes.Input.IsRankKnown))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Rewriting the dimensions of the tensor made by <paramref name="source"/> to <paramref name="expected"/>
        /// changes it for every call it is passed to: none of them may get a violation on that tensor that
        /// it does not have now (RNN001/RNN002/RNN003 rewrites make the tensor exactly the expected shape).
        /// </summary>
        private static bool AllUsesAcceptShape(Dictionary<IOperation, List<CheckedCall>> bySource, IOperation? source, Shape expected)
        {
            if (source is null || !bySource.TryGetValue(source, out var uses))
            {
                return false;
            }

            foreach (var other in uses)
            {
                var shapes = other.Shapes;
                var input = other.Call.Input.Source == source ? expected : shapes.Input;
                var hidden = other.Call.HiddenState?.Source == source ? expected : shapes.Hidden;
                var cell = other.Call.CellState?.Source == source ? expected : shapes.Cell;
                var after = CallShapes.Violations(other.Call.Spec, input, hidden, cell);
                foreach (var violation in after)
                {
                    if (other.Call.Operand(violation.Operand)?.Source == source && !other.Violations.Any(v => v.Operand == violation.Operand))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        private static string Format(Shape shape)
            => shape.IsRankKnown ? string.Join(",", shape.Dims.Select(d => d.IsKnown ? d.Value.ToString(CultureInfo.InvariantCulture) : "?")) : string.Empty;

        private static IArgumentOperation? Argument(IInvocationOperation invocation, int ordinal) => OperationArguments.ByOrdinal(invocation, ordinal);

        private static void Add<TKey, TCall>(Dictionary<TKey, List<TCall>> groups, TKey key, TCall call)
            where TKey : notnull
        {
            if (!groups.TryGetValue(key, out var list))
            {
                list = new List<TCall>();
                groups.Add(key, list);
            }

            list.Add(call);
        }

        /// <summary>A Linear's call: the layer, its input and the input's shape (its last dimension at least, when known).</summary>
        private sealed class LinearCall
        {
            public LinearCall(TrackedLayer layer, SyntaxNode inputSyntax, TrackedTensor tensor, Shape shape)
            {
                Layer = layer;
                InputSyntax = inputSyntax;
                Tensor = tensor;
                Shape = shape;
            }

            public TrackedLayer Layer { get; }

            public SyntaxNode InputSyntax { get; }

            public TrackedTensor Tensor { get; }

            public Shape Shape { get; }
        }

        /// <summary>A call with its settled shapes and what the rules say of them.</summary>
        private sealed class CheckedCall
        {
            public CheckedCall(RecurrentCall call, CallShapes shapes)
            {
                Call = call;
                Shapes = shapes;
                Violations = shapes.Violations(call);
            }

            public RecurrentCall Call { get; }

            public CallShapes Shapes { get; }

            public IReadOnlyList<ShapeViolation> Violations { get; }
        }
    }
}
