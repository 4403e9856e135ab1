using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using RnnShapeAnalyzers.ShapeRules;
using RnnShapeAnalyzers.Tracking;

namespace RnnShapeAnalyzers
{
    /// <summary>
    /// Reports RNN001-RNN004 on <c>call</c>/<c>forward</c> of TorchSharp's RNN, LSTM and GRU when the
    /// shapes it can prove break the rules of <see cref="RecurrentShapeRules"/>.
    /// </summary>
    /// <remarks>
    /// Pay for play: nothing is registered when TorchSharp is not referenced; per method, candidate
    /// calls are collected with a name check first and evaluated at the end of the block, only if a
    /// candidate was found; the method body is indexed only when a candidate's layer is a local (a layer
    /// in a field, the usual module, costs no walk).
    /// </remarks>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RecurrentShapeAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Descriptors.All;

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var symbols = TorchSharpSymbols.TryCreate(context.Compilation);
            if (symbols is null)
            {
                return;
            }

            context.RegisterOperationBlockStartAction(block =>
            {
                var candidates = new List<IInvocationOperation>();
                block.RegisterOperationAction(
                    operation =>
                    {
                        var invocation = (IInvocationOperation)operation.Operation;
                        var name = invocation.TargetMethod.Name;
                        if ((name == "call" || name == "forward") && symbols.SequenceLayerKind(invocation.TargetMethod.ContainingType) is not null)
                        {
                            lock (candidates)
                            {
                                candidates.Add(invocation);
                            }
                        }
                    },
                    OperationKind.Invocation);
                block.RegisterOperationBlockEndAction(end =>
                {
                    List<IInvocationOperation> found;
                    lock (candidates)
                    {
                        if (candidates.Count == 0)
                        {
                            return;
                        }

                        found = new List<IInvocationOperation>(candidates);
                    }

                    AnalyzeCalls(end, symbols, found);
                });
            });
        }

        private static void AnalyzeCalls(OperationBlockAnalysisContext context, TorchSharpSymbols symbols, List<IInvocationOperation> invocations)
        {
            var evaluators = new Dictionary<IOperation, ShapeEvaluator>();
            var calls = new List<RecurrentCall>(invocations.Count);
            foreach (var invocation in invocations)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var root = Root(invocation);
                if (!evaluators.TryGetValue(root, out var evaluator))
                {
                    // Indexes the method's locals only if a call's layer or tensors lead to a local.
                    evaluator = new ShapeEvaluator(symbols, root, context.CancellationToken);
                    evaluators.Add(root, evaluator);
                }

                if (RecurrentCall.TryCreate(invocation, evaluator) is { } call)
                {
                    calls.Add(call);
                }
            }

            foreach (var call in calls)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var check = RecurrentShapeRules.CheckSequenceCall(call.Layer.Spec, call.Input.Shape, call.HiddenState?.Shape, call.CellState?.Shape);
                foreach (var violation in check.Violations)
                {
                    if (Descriptors.ForRule(violation.RuleId) is not { } descriptor)
                    {
                        continue;
                    }

                    var reported = violation;
                    if (reported.SuggestedBatchFirst is bool flipped && !AllCallsAcceptBatchFirst(calls, call.Layer.Factory, flipped))
                    {
                        reported = reported.WithoutSuggestedBatchFirst();
                    }

                    var offerInputSize = reported.RuleId == RuleIds.InputFeatureSize && AllCallsAcceptInputSize(calls, call.Layer.Factory, reported.Actual[-1]);
                    var offerRewrite = reported.RuleId != RuleIds.InputRank && AllUsesAcceptShape(calls, call.Operand(reported.Operand)?.Source, reported.Expected);
                    context.ReportDiagnostic(CreateDiagnostic(descriptor, call, reported, offerInputSize, offerRewrite));
                }
            }
        }

        /// <summary>Flipping batchFirst must not break another call of the same layer in this method.</summary>
        private static bool AllCallsAcceptBatchFirst(List<RecurrentCall> calls, IInvocationOperation factory, bool batchFirst)
        {
            foreach (var other in calls)
            {
                if (other.Layer.Factory == factory
                    && !RecurrentShapeRules.AcceptsStateLayout(other.Layer.Spec.WithBatchFirst(batchFirst), other.Input.Shape, other.HiddenState?.Shape, other.CellState?.Shape))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Setting inputSize to <paramref name="features"/> must leave no call of the same layer in this
        /// method with a wrong feature size: not one that was right, nor one with other features.
        /// </summary>
        private static bool AllCallsAcceptInputSize(List<RecurrentCall> calls, IInvocationOperation factory, Dim features)
        {
            if (!features.IsKnown)
            {
                return false;
            }

            foreach (var other in calls)
            {
                if (other.Layer.Factory != factory)
                {
                    continue;
                }

                var check = RecurrentShapeRules.CheckSequenceCall(other.Layer.Spec.WithInputSize(features), other.Input.Shape, other.HiddenState?.Shape, other.CellState?.Shape);
                if (check.Violations.Any(v => v.RuleId == RuleIds.InputFeatureSize))
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
        private static bool AllUsesAcceptShape(List<RecurrentCall> calls, IOperation? source, Shape expected)
        {
            if (source is null)
            {
                return false;
            }

            foreach (var other in calls)
            {
                var input = Uses(other.Input, source) ? expected : other.Input.Shape;
                var hidden = other.HiddenState is { } h && Uses(h, source) ? expected : other.HiddenState?.Shape;
                var cell = other.CellState is { } c && Uses(c, source) ? expected : other.CellState?.Shape;
                if (ReferenceEquals(input, other.Input.Shape) && ReferenceEquals(hidden, other.HiddenState?.Shape) && ReferenceEquals(cell, other.CellState?.Shape))
                {
                    continue;
                }

                var before = RecurrentShapeRules.CheckSequenceCall(other.Layer.Spec, other.Input.Shape, other.HiddenState?.Shape, other.CellState?.Shape).Violations;
                var after = RecurrentShapeRules.CheckSequenceCall(other.Layer.Spec, input, hidden, cell).Violations;
                foreach (var violation in after)
                {
                    if (Uses(other.Operand(violation.Operand), source) && !before.Any(v => v.Operand == violation.Operand))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        private static bool Uses(TrackedTensor? tensor, IOperation source) => tensor?.Source == source;

        private static Diagnostic CreateDiagnostic(DiagnosticDescriptor descriptor, RecurrentCall call, ShapeViolation violation, bool offerInputSize, bool offerRewrite)
        {
            var facts = new DiagnosticFacts();
            facts.Add(DiagnosticFacts.ExpectedShape, Format(violation.Expected));
            facts.Add(DiagnosticFacts.ActualShape, Format(violation.Actual));

            SyntaxNode location;
            TrackedTensor tensor;
            switch (violation.Operand)
            {
                case ShapeOperand.HiddenState:
                    location = call.HiddenStateSyntax!;
                    tensor = call.HiddenState!;
                    break;
                case ShapeOperand.CellState:
                    location = call.CellStateSyntax!;
                    tensor = call.CellState!;
                    break;
                default:
                    location = call.InputSyntax;
                    tensor = call.Input;
                    break;
            }

            for (var i = 0; offerRewrite && i < tensor.DimensionSyntax.Length; i++)
            {
                facts.AddLocation(DiagnosticFacts.TensorDimensionKey(i), tensor.DimensionSyntax[i]);
            }

            switch (violation.RuleId)
            {
                case RuleIds.InputFeatureSize when offerInputSize:
                    facts.AddLocation(DiagnosticFacts.LayerInputSize, call.Layer.InputSizeSyntax);
                    break;
                case RuleIds.BatchFirstMixUp when violation.SuggestedBatchFirst is bool batchFirst:
                    facts.Add(DiagnosticFacts.SuggestedBatchFirst, batchFirst ? "true" : "false");
                    facts.AddLocation(DiagnosticFacts.LayerFactory, call.Layer.Factory.Syntax);
                    facts.AddLocation(DiagnosticFacts.LayerBatchFirst, call.Layer.BatchFirstSyntax);
                    break;
                case RuleIds.InputRank when violation.UnsqueezeDimension is int dimension:
                    facts.Add(DiagnosticFacts.UnsqueezeDimension, dimension.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    break;
            }

            return Diagnostic.Create(
                descriptor,
                location.GetLocation(),
                facts.Locations,
                facts.Properties,
                violation.MessageArguments.ToArray<object>());
        }

        private static string Format(Shape shape) => shape.IsRankKnown ? string.Join(",", shape.Dims.Select(d => d.IsKnown ? d.ToString() : "?")) : string.Empty;

        private static IOperation Root(IOperation operation)
        {
            while (operation.Parent is { } parent)
            {
                operation = parent;
            }

            return operation;
        }
    }
}
