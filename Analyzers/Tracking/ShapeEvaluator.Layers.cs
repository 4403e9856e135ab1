using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using RnnShapeAnalyzers.ShapeRules;

namespace RnnShapeAnalyzers.Tracking
{
    /// <summary>Layers: their factory calls, the locals and members that hold them, and what their calls return.</summary>
    internal sealed partial class ShapeEvaluator
    {
        private readonly Dictionary<ISymbol, TrackedLayer?> _memberLayers = new Dictionary<ISymbol, TrackedLayer?>(SymbolEqualityComparer.Default);
        private readonly Dictionary<IInvocationOperation, RecurrentCall?> _calls = new Dictionary<IInvocationOperation, RecurrentCall?>();

        public TrackedLayer? EvaluateLayer(IOperation? operation, int depth = 0)
        {
            if (operation is null || depth > MaxDepth)
            {
                return null;
            }

            switch (operation)
            {
                case IConversionOperation conversion:
                    return EvaluateLayer(conversion.Operand, depth + 1);
                case ILocalReferenceOperation local:
                    return SingleValue(local) is { Element: null } value ? EvaluateLayer(value.Value, depth + 1) : null;
                case IFieldReferenceOperation or IPropertyReferenceOperation when MemberOf(operation) is { } member:
                    return MemberLayer(member, depth);
                case IInvocationOperation invocation when _symbols.IsLayerFactoryClass(invocation.TargetMethod.ContainingType):
                    return EvaluateLayerFactory(invocation, depth);
                default:
                    return null;
            }
        }

        /// <summary>The recurrent call at <paramref name="invocation"/>, evaluated once however often its results are used.</summary>
        public RecurrentCall? CallOf(IInvocationOperation invocation, int depth = 0)
        {
            if (_calls.TryGetValue(invocation, out var known))
            {
                return known;
            }

            // Marked first: a call whose input depends on its own result (through a cycle of members) is unknown.
            _calls[invocation] = null;
            var call = invocation.Instance is not null && invocation.TargetMethod.Name is "call" or "forward"
                ? RecurrentCall.TryCreate(invocation, this, depth + 1)
                : null;
            _calls[invocation] = call;
            return call;
        }

        /// <summary>A module call that returns a tensor: a cell step, an embedding lookup, a Linear, or a shape-keeping module.</summary>
        private TrackedTensor EvaluateModuleCall(IInvocationOperation invocation, IOperation receiver, int depth)
        {
            var input = Argument(invocation, 0);
            if (input is null || !_symbols.IsTensor(input.Value.Type))
            {
                return TrackedTensor.Unknown;
            }

            var layer = EvaluateLayer(receiver, depth + 1);
            switch (layer?.Kind)
            {
                case TrackedLayerKind.Recurrent when _symbols.IsTensor(invocation.Type):
                    return CallOf(invocation, depth) is { } cellStep ? cellStep.Result(0) : TrackedTensor.Unknown;
                case TrackedLayerKind.Embedding:
                    var dim = layer.OutFeatures;
                    return EvaluateTensor(input.Value, depth + 1).Map(shape => ShapeOps.Append(shape, dim), keepsProducer: false, producer: new TensorProducer(layer, TensorProducerPart.Embedding));
                case TrackedLayerKind.Linear:
                    var outFeatures = layer.OutFeatures;
                    return EvaluateTensor(input.Value, depth + 1).Map(shape => ShapeOps.ReplaceLast(shape, outFeatures), keepsProducer: false);
            }

            return receiver.Type is { ContainingNamespace: { Name: "Modules", ContainingNamespace.Name: "TorchSharp" } } type && ShapeKeepingModules.Contains(type.Name)
                ? EvaluateTensor(input.Value, depth + 1)
                : TrackedTensor.Unknown;
        }

        private TrackedLayer? MemberLayer(ISymbol member, int depth)
        {
            if (_memberLayers.TryGetValue(member, out var known))
            {
                return known;
            }

            // Marked first: a member assigned from itself is unknown.
            _memberLayers[member] = null;
            TrackedLayer? layer = null;
            var values = Members()?.Values(member);
            if (values is { Count: > 0 })
            {
                layer = EvaluateLayer(values[0], depth + 1);
                for (var i = 1; i < values.Count && layer is not null; i++)
                {
                    if (EvaluateLayer(values[i], depth + 1) is not { } other || !other.HasSameConfiguration(layer))
                    {
                        layer = null;
                    }
                }

                layer = layer?.HeldBy(Origin(member, values[0]), isFixable: values.Count == 1);
            }

            _memberLayers[member] = layer;
            return layer;
        }

        /// <summary>"field `lstm` set in the constructor at line 12".</summary>
        private static string Origin(ISymbol member, IOperation value)
        {
            var where = value.SemanticModel?.GetEnclosingSymbol(value.Syntax.SpanStart) switch
            {
                IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } => "the constructor",
                IMethodSymbol method => "`" + method.Name + "`",
                _ => "its initializer",
            };
            var line = value.Syntax.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
            var kind = member is IFieldSymbol ? "field" : "property";
            return $"{kind} `{member.Name}` set in {where} at line {line.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        }

        private TrackedLayer? EvaluateLayerFactory(IInvocationOperation factory, int depth)
        {
            var type = factory.TargetMethod.ReturnType;
            if (_symbols.RecurrentLayerKind(type) is RecurrentKind kind)
            {
                return EvaluateRecurrentFactory(factory, kind, depth);
            }

            if (_symbols.IsEmbedding(type) && factory.TargetMethod.Name == "Embedding" && Argument(factory, 1) is { } dims)
            {
                return TrackedLayer.Embedding(EvaluateInteger(dims.Value, depth + 1), factory);
            }

            if (_symbols.IsLinear(type) && factory.TargetMethod.Name == "Linear" && Argument(factory, 0) is { } inFeatures && Argument(factory, 1) is { } outFeatures)
            {
                return TrackedLayer.Linear(EvaluateInteger(inFeatures.Value, depth + 1), EvaluateInteger(outFeatures.Value, depth + 1), factory, inFeatures.Value.Syntax);
            }

            return null;
        }

        private TrackedLayer EvaluateRecurrentFactory(IInvocationOperation factory, RecurrentKind kind, int depth)
        {
            Dim inputSize = Dim.Unknown, hiddenSize = Dim.Unknown, numLayers = Dim.Of(1);
            bool? bidirectional = false, batchFirst = false;
            SyntaxNode? inputSizeSyntax = null, batchFirstSyntax = null;
            string? elementType = "Float32";
            foreach (var argument in factory.Arguments)
            {
                switch (argument.Parameter?.Name)
                {
                    case "inputSize":
                        inputSize = EvaluateInteger(argument.Value, depth + 1);
                        inputSizeSyntax = argument.ArgumentKind == ArgumentKind.DefaultValue ? null : argument.Value.Syntax;
                        break;
                    case "hiddenSize":
                        hiddenSize = EvaluateInteger(argument.Value, depth + 1);
                        break;
                    case "numLayers":
                        numLayers = EvaluateInteger(argument.Value, depth + 1);
                        break;
                    case "bidirectional":
                        bidirectional = EvaluateBoolean(argument.Value, depth + 1);
                        break;
                    case "batchFirst":
                        batchFirst = EvaluateBoolean(argument.Value, depth + 1);
                        batchFirstSyntax = argument.ArgumentKind == ArgumentKind.DefaultValue ? null : argument.Value.Syntax;
                        break;
                    case "dtype":
                        elementType = EvaluateElementType(argument, "Float32");
                        break;
                }
            }

            return TrackedLayer.Recurrent(new RecurrentLayerSpec(kind, inputSize, hiddenSize, numLayers, bidirectional, batchFirst), factory, inputSizeSyntax, batchFirstSyntax, elementType);
        }
    }
}
