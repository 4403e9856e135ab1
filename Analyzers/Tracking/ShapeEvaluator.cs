using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using RnnShapeAnalyzers.ShapeRules;

namespace RnnShapeAnalyzers.Tracking
{
    /// <summary>
    /// A small, bounded evaluator over one method body: integers from literals, constants, locals
    /// written once and + - * /; booleans likewise; tensor shapes from TorchSharp factory calls;
    /// recurrent layers from their <c>torch.nn</c> factory calls. Whatever it cannot prove is unknown.
    /// The method's <see cref="LocalWriteIndex"/> is built the first time a local has to be followed, so
    /// a call on a layer held in a field or a parameter (which the evaluator cannot follow) costs no walk
    /// of the method body.
    /// </summary>
    internal sealed class ShapeEvaluator
    {
        // Deep enough for any real chain of locals; a bound keeps every path total.
        private const int MaxDepth = 24;

        private static readonly HashSet<string> TensorFactoryNames = new HashSet<string>(StringComparer.Ordinal) { "randn", "rand", "zeros", "ones", "empty", "full" };

        private static readonly HashSet<string> DimensionParameterNames = new HashSet<string>(StringComparer.Ordinal) { "size", "rows", "columns", "dim0", "dim1", "dim2", "dim3" };

        // Roslyn 4.8, which we compile against, has no ICollectionExpressionOperation; newer compilers
        // produce it. Its kind is looked up by name so C# 12 collection expressions work where they exist.
        private static readonly OperationKind? CollectionExpressionKind = TryParseKind("CollectionExpression");
        private static readonly OperationKind? SpreadKind = TryParseKind("Spread");

        private readonly TorchSharpSymbols _symbols;
        private readonly IOperation _root;
        private readonly CancellationToken _cancellationToken;
        private LocalWriteIndex? _locals;

        /// <param name="root">The root of the method body (operation block) the evaluated operations are in.</param>
        public ShapeEvaluator(TorchSharpSymbols symbols, IOperation root, CancellationToken cancellationToken)
        {
            _symbols = symbols;
            _root = root;
            _cancellationToken = cancellationToken;
        }

        public Dim EvaluateInteger(IOperation? operation, int depth = 0)
        {
            if (operation is null || depth > MaxDepth || HasSyntaxErrors(operation))
            {
                return Dim.Unknown;
            }

            if (operation.ConstantValue.HasValue)
            {
                return AsDim(operation.ConstantValue.Value);
            }

            switch (operation)
            {
                case IConversionOperation conversion:
                    return EvaluateInteger(conversion.Operand, depth + 1);
                case ILocalReferenceOperation local:
                    return EvaluateInteger(SingleValue(local.Local), depth + 1);
                case IBinaryOperation binary:
                    return Arithmetic(binary.OperatorKind, EvaluateInteger(binary.LeftOperand, depth + 1), EvaluateInteger(binary.RightOperand, depth + 1));
                default:
                    return Dim.Unknown;
            }
        }

        public bool? EvaluateBoolean(IOperation? operation, int depth = 0)
        {
            if (operation is null || depth > MaxDepth || HasSyntaxErrors(operation))
            {
                return null;
            }

            if (operation.ConstantValue.HasValue)
            {
                return operation.ConstantValue.Value is bool value ? value : null;
            }

            return operation switch
            {
                IConversionOperation conversion => EvaluateBoolean(conversion.Operand, depth + 1),
                ILocalReferenceOperation local => EvaluateBoolean(SingleValue(local.Local), depth + 1),
                _ => null,
            };
        }

        public TrackedTensor EvaluateTensor(IOperation? operation, int depth = 0)
        {
            if (operation is null || depth > MaxDepth)
            {
                return TrackedTensor.Unknown;
            }

            switch (operation)
            {
                case IConversionOperation conversion:
                    return EvaluateTensor(conversion.Operand, depth + 1);
                case ILocalReferenceOperation local:
                    return EvaluateTensor(SingleValue(local.Local), depth + 1);
                case IInvocationOperation invocation when IsTensorFactory(invocation.TargetMethod):
                    return EvaluateTensorFactory(invocation, depth);
                default:
                    return TrackedTensor.Unknown;
            }
        }

        /// <summary>
        /// The state argument of a forward call: null when it is omitted or null (TorchSharp then builds
        /// zeros itself), otherwise what is known of it.
        /// </summary>
        public TrackedTensor? EvaluateOptionalTensor(IArgumentOperation? argument)
        {
            if (argument is null || argument.ArgumentKind == ArgumentKind.DefaultValue || IsNull(argument.Value))
            {
                return null;
            }

            return EvaluateTensor(argument.Value);
        }

        /// <summary>
        /// The LSTM state <c>(h0, c0)</c>: null when omitted or null; unknown parts stay unknown. The
        /// syntax to report at is each element of a tuple written in the call, or the argument itself when
        /// the tuple comes from a local: a tuple local may feed several calls, and each call's problem
        /// belongs to that call (as an RNN/GRU state local's does), not to the declaration.
        /// </summary>
        public (TrackedTensor Hidden, TrackedTensor Cell, SyntaxNode HiddenSyntax, SyntaxNode CellSyntax)? EvaluateStatePair(IArgumentOperation? argument)
        {
            if (argument is null || argument.ArgumentKind == ArgumentKind.DefaultValue || IsNull(argument.Value))
            {
                return null;
            }

            var value = argument.Value;
            var throughLocal = false;
            for (var depth = 0; depth <= MaxDepth; depth++)
            {
                switch (value)
                {
                    case IConversionOperation conversion:
                        value = conversion.Operand;
                        continue;
                    case ILocalReferenceOperation local when SingleValue(local.Local) is { } single:
                        value = single;
                        throughLocal = true;
                        continue;
                    case ITupleOperation tuple when tuple.Elements.Length == 2:
                        var hidden = tuple.Elements[0];
                        var cell = tuple.Elements[1];
                        return (IsNull(hidden) ? TrackedTensor.Unknown : EvaluateTensor(hidden),
                                IsNull(cell) ? TrackedTensor.Unknown : EvaluateTensor(cell),
                                throughLocal ? argument.Value.Syntax : hidden.Syntax,
                                throughLocal ? argument.Value.Syntax : cell.Syntax);
                }

                break;
            }

            return (TrackedTensor.Unknown, TrackedTensor.Unknown, argument.Value.Syntax, argument.Value.Syntax);
        }

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
                    return EvaluateLayer(SingleValue(local.Local), depth + 1);
                case IInvocationOperation invocation
                    when _symbols.IsLayerFactoryClass(invocation.TargetMethod.ContainingType)
                        && _symbols.SequenceLayerKind(invocation.TargetMethod.ReturnType) is RecurrentKind kind:
                    return EvaluateLayerFactory(invocation, kind, depth);
                default:
                    return null;
            }
        }

        private TrackedLayer EvaluateLayerFactory(IInvocationOperation factory, RecurrentKind kind, int depth)
        {
            Dim inputSize = Dim.Unknown, hiddenSize = Dim.Unknown, numLayers = Dim.Unknown;
            bool? bidirectional = null, batchFirst = null;
            SyntaxNode? inputSizeSyntax = null, batchFirstSyntax = null;
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
                }
            }

            return new TrackedLayer(new RecurrentLayerSpec(kind, inputSize, hiddenSize, numLayers, bidirectional, batchFirst), factory, inputSizeSyntax, batchFirstSyntax);
        }

        private IOperation? SingleValue(ILocalSymbol local) => (_locals ??= LocalWriteIndex.Build(_root, _cancellationToken)).SingleValue(local);

        private bool IsTensorFactory(IMethodSymbol method)
            => TensorFactoryNames.Contains(method.Name) && SymbolEqualityComparer.Default.Equals(method.ContainingType, _symbols.Torch);

        private TrackedTensor EvaluateTensorFactory(IInvocationOperation factory, int depth)
        {
            var arguments = new IArgumentOperation?[factory.TargetMethod.Parameters.Length];
            foreach (var argument in factory.Arguments)
            {
                if (argument.Parameter is { } parameter && parameter.Ordinal < arguments.Length)
                {
                    arguments[parameter.Ordinal] = argument;
                }
            }

            var dims = new List<Dim>(4);
            var syntax = ImmutableArray.CreateBuilder<SyntaxNode>(4);
            foreach (var argument in arguments)
            {
                if (argument?.Parameter is not { } parameter || !DimensionParameterNames.Contains(parameter.Name) || argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    continue;
                }

                if (HasSyntaxErrors(argument.Value))
                {
                    return TrackedTensor.Unknown;
                }

                if (IsInteger(parameter.Type))
                {
                    dims.Add(EvaluateInteger(argument.Value, depth + 1));
                    syntax.Add(argument.Value.Syntax);
                }
                else
                {
                    // size: long[] or ReadOnlySpan<long>, written inline.
                    return EvaluateDimensionList(factory, argument.Value, depth);
                }
            }

            return dims.Count == 0 ? TrackedTensor.Unknown : new TrackedTensor(Shape.Of(dims), syntax.ToImmutable(), factory);
        }

        private TrackedTensor EvaluateDimensionList(IInvocationOperation factory, IOperation value, int depth)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            IEnumerable<IOperation>? elements = null;
            if (value is IArrayCreationOperation { Initializer: { } initializer })
            {
                elements = initializer.ElementValues;
            }
            else if (CollectionExpressionKind is { } collectionKind && value.Kind == collectionKind)
            {
                elements = value.ChildOperations;
            }

            if (elements is null)
            {
                return TrackedTensor.Unknown;
            }

            var dims = new List<Dim>(4);
            var syntax = ImmutableArray.CreateBuilder<SyntaxNode>(4);
            foreach (var element in elements)
            {
                if ((SpreadKind is { } spreadKind && element.Kind == spreadKind) || HasSyntaxErrors(element))
                {
                    return TrackedTensor.Unknown;
                }

                dims.Add(EvaluateInteger(element, depth + 1));
                syntax.Add(element.Syntax);
            }

            return new TrackedTensor(Shape.Of(dims), syntax.ToImmutable(), factory);
        }

        /// <summary>
        /// Code with a syntax error is being typed: nothing is proven from it. <c>new long</c> without its
        /// parentheses binds to 0; the missing element of <c>new long[] { , 3, 30 }</c> is a zero-width
        /// placeholder, so a tensor made with it has no proven rank, and its dimension no syntax a fix
        /// could rewrite (the RNN002 fix replaced the whole initializer instead, and threw).
        /// </summary>
        private static bool HasSyntaxErrors(IOperation operation) => operation.Syntax.IsMissing || operation.Syntax.ContainsDiagnostics;

        private static bool IsNull(IOperation operation)
            => operation is IDefaultValueOperation || (operation.ConstantValue.HasValue && operation.ConstantValue.Value is null);

        private static bool IsInteger(ITypeSymbol type) => type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64;

        private static Dim AsDim(object? value) => value switch
        {
            int i => Dim.Of(i),
            long l => Dim.Of(l),
            short s => Dim.Of(s),
            byte b => Dim.Of(b),
            sbyte sb => Dim.Of(sb),
            ushort us => Dim.Of(us),
            uint ui => Dim.Of(ui),
            _ => Dim.Unknown,
        };

        private static Dim Arithmetic(BinaryOperatorKind kind, Dim left, Dim right)
        {
            if (!left.IsKnown || !right.IsKnown)
            {
                return Dim.Unknown;
            }

            try
            {
                return kind switch
                {
                    BinaryOperatorKind.Add => Dim.Of(checked(left.Value + right.Value)),
                    BinaryOperatorKind.Subtract => Dim.Of(checked(left.Value - right.Value)),
                    BinaryOperatorKind.Multiply => Dim.Of(checked(left.Value * right.Value)),
                    BinaryOperatorKind.Divide when right.Value != 0 => Dim.Of(left.Value / right.Value),
                    _ => Dim.Unknown,
                };
            }
            catch (OverflowException)
            {
                return Dim.Unknown;
            }
        }

        private static OperationKind? TryParseKind(string name)
            => Enum.TryParse<OperationKind>(name, out var kind) && Enum.IsDefined(typeof(OperationKind), kind) ? kind : null;
    }
}
