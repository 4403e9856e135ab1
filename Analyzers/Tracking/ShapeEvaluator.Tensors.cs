using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using RnnShapeAnalyzers.ShapeRules;

namespace RnnShapeAnalyzers.Tracking
{
    /// <summary>Tensors: factories, shape methods, indexing, layer calls, and the names of unknown dimensions.</summary>
    internal sealed partial class ShapeEvaluator
    {
        private static readonly HashSet<string> TensorFactoryNames = new HashSet<string>(StringComparer.Ordinal) { "randn", "rand", "zeros", "ones", "empty", "full" };

        private static readonly HashSet<string> LikeFactoryNames = new HashSet<string>(StringComparer.Ordinal) { "randn_like", "rand_like", "zeros_like", "ones_like", "empty_like", "full_like" };

        private static readonly HashSet<string> DimensionParameterNames = new HashSet<string>(StringComparer.Ordinal) { "size", "rows", "columns", "dim0", "dim1", "dim2", "dim3" };

        // Element-wise methods and functions: the shape, dtype and producer stay.
        private static readonly HashSet<string> ShapeKeepingNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "contiguous", "detach", "clone", "cpu", "cuda", "requires_grad_", "relu", "tanh", "sigmoid", "gelu", "silu", "elu", "leaky_relu", "dropout", "abs", "neg", "exp", "log", "softmax", "log_softmax",
        };

        // Modules whose forward keeps the input's shape.
        private static readonly HashSet<string> ShapeKeepingModules = new HashSet<string>(StringComparer.Ordinal)
        {
            "Dropout", "Dropout1d", "Dropout2d", "AlphaDropout", "ReLU", "LeakyReLU", "Tanh", "Sigmoid", "GELU", "SiLU", "ELU", "Identity", "LayerNorm", "Softmax", "LogSoftmax",
        };

        private static readonly Dictionary<string, string> ElementTypeMethods = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["double"] = "Float64", ["float"] = "Float32", ["half"] = "Float16", ["bfloat16"] = "BFloat16", ["@long"] = "Int64", ["@int"] = "Int32", ["@short"] = "Int16", ["@bool"] = "Bool", ["@byte"] = "Byte",
            ["long"] = "Int64", ["int"] = "Int32", ["short"] = "Int16", ["bool"] = "Bool", ["byte"] = "Byte",
        };

        // Roslyn 4.8, which we compile against, has no ICollectionExpressionOperation; newer compilers
        // produce it. Its kind is looked up by name so C# 12 collection expressions work where they exist.
        private static readonly OperationKind? CollectionExpressionKind = TryParseKind("CollectionExpression");
        private static readonly OperationKind? SpreadKind = TryParseKind("Spread");

        private readonly Dictionary<string, (TrackedTensor Tensor, int Index)> _namedDimensions = new Dictionary<string, (TrackedTensor, int)>(StringComparer.Ordinal);

        public TrackedTensor EvaluateTensor(IOperation? operation, int depth = 0)
        {
            if (operation is null || depth > MaxDepth || HasSyntaxErrors(operation))
            {
                return TrackedTensor.Unknown;
            }

            _cancellationToken.ThrowIfCancellationRequested();
            switch (operation)
            {
                case IConversionOperation conversion:
                    return EvaluateTensor(conversion.Operand, depth + 1);
                case ILocalReferenceOperation local:
                    return EvaluateLocalTensor(local, depth);
                case IParameterReferenceOperation parameter when _symbols.IsTensor(parameter.Type) && !IsWritten(parameter) && _throughMember == 0:
                    return TrackedTensor.FromRoot(parameter.Parameter.Name);
                case IFieldReferenceOperation { Field.Name: "Item1" or "Item2" or "Item3", Instance: { } tuple } item when tuple.Type?.IsTupleType == true:
                    return EvaluateElement(tuple, item.Field.Name[4] - '1', depth + 1);
                // Before the members: a tensor's own properties (T, mT) are not members of the analysed type.
                case IPropertyReferenceOperation { Instance: { } receiver } property when _symbols.IsTensor(receiver.Type):
                    return EvaluateTensorProperty(property, receiver, depth);
                case IFieldReferenceOperation or IPropertyReferenceOperation when MemberOf(operation) is { } member && _symbols.IsTensor(operation.Type):
                    return MemberTensor(member, depth);
                case IInvocationOperation invocation:
                    return EvaluateTensorInvocation(invocation, depth);
                default:
                    return TrackedTensor.Unknown;
            }
        }

        /// <summary>Element <paramref name="index"/> of a tuple: a tuple written out, or what a recurrent layer or LSTMCell returns.</summary>
        public TrackedTensor EvaluateElement(IOperation? operation, int index, int depth = 0)
        {
            if (operation is null || depth > MaxDepth || HasSyntaxErrors(operation))
            {
                return TrackedTensor.Unknown;
            }

            switch (operation)
            {
                case IConversionOperation conversion:
                    return EvaluateElement(conversion.Operand, index, depth + 1);
                case ITupleOperation tuple when index < tuple.Elements.Length:
                    return EvaluateTensor(tuple.Elements[index], depth + 1);
                case ILocalReferenceOperation local when SingleValue(local) is { Element: null } value:
                    return EvaluateElement(value.Value, index, depth + 1);
                case IInvocationOperation invocation when CallOf(invocation, depth) is { } call:
                    return call.Result(index);
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
                    case ILocalReferenceOperation local when SingleValue(local) is { Element: null } single:
                        value = single.Value;
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

        /// <summary>
        /// The shapes of one call with the names of the root's dimensions settled for a root of the given
        /// rank: <c>x.shape[-3]</c> and <c>x.size(0)</c> both become <c>x.shape[0]</c> when x is 3-D.
        /// </summary>
        public Shape Settle(Shape shape, string root, int rootRank)
        {
            if (!shape.IsRankKnown)
            {
                return shape;
            }

            Dim[]? settled = null;
            for (var i = 0; i < shape.Rank; i++)
            {
                if (shape[i].Symbol is { } symbol && _namedDimensions.TryGetValue(symbol, out var named) && named.Tensor.Root == root && named.Tensor.ShapeForRootRank is { } shapeFor)
                {
                    var resolved = shapeFor(rootRank);
                    settled ??= System.Linq.Enumerable.ToArray(shape.Dims);
                    settled[i] = resolved.IsRankKnown && named.Index >= -resolved.Rank && named.Index < resolved.Rank ? resolved[named.Index] : Dim.Unknown;
                }
            }

            return settled is null ? shape : Shape.Of(settled);
        }

        private TrackedTensor MemberTensor(ISymbol member, int depth)
        {
            var values = Members()?.Values(member);
            if (values is not { Count: 1 })
            {
                return TrackedTensor.Unknown;
            }

            _throughMember++;
            try
            {
                return EvaluateTensor(values[0], depth + 1);
            }
            finally
            {
                _throughMember--;
            }
        }

        private TrackedTensor EvaluateLocalTensor(ILocalReferenceOperation local, int depth)
        {
            if (SingleValue(local) is not { } value)
            {
                return TrackedTensor.Unknown;
            }

            var tensor = value.Element is int element ? EvaluateElement(value.Value, element, depth + 1) : EvaluateTensor(value.Value, depth + 1);

            // A tensor local written once whose value the analyzer cannot follow still names its dimensions.
            return !tensor.IsKnown && _symbols.IsTensor(local.Local.Type) && IsWrittenOnce(local) && _throughMember == 0 ? TrackedTensor.FromRoot(local.Local.Name, tensor.ElementType) : tensor;
        }

        /// <summary><c>x.shape[i]</c>, <c>x.size(i)</c>: the dimension when the shape is known, else its name.</summary>
        private Dim DimensionOf(IOperation tensorOperation, IOperation indexOperation, SyntaxNode syntax, int depth)
        {
            if (IndexValue(indexOperation, depth) is not int index)
            {
                return Dim.Unknown;
            }

            var tensor = EvaluateTensor(tensorOperation, depth + 1);
            if (tensor.Shape.IsRankKnown)
            {
                return tensor.Shape[index];
            }

            if (tensor.Root is not { } root)
            {
                return Dim.Unknown;
            }

            var name = tensorOperation is IParameterReferenceOperation or ILocalReferenceOperation && index >= 0
                ? TrackedTensor.DimensionName(root, index)
                : syntax.ToString();
            if (_namedDimensions.TryGetValue(name, out var existing) && (existing.Tensor.Root != root || existing.Index != index))
            {
                // Two different dimensions written alike: neither is named, so they are never taken for each other.
                return Dim.Unknown;
            }

            _namedDimensions[name] = (tensor, index);
            return Dim.Symbolic(name);
        }

        private Dim RankOf(IOperation tensorOperation, int depth)
        {
            var tensor = EvaluateTensor(tensorOperation, depth + 1);
            return tensor.Shape.IsRankKnown ? Dim.Of(tensor.Shape.Rank) : Dim.Unknown;
        }

        /// <summary>An integer index, where <c>^k</c> is -k.</summary>
        private int? IndexValue(IOperation operation, int depth)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            if (operation is IUnaryOperation { OperatorKind: UnaryOperatorKind.Hat } hat)
            {
                var fromEnd = EvaluateInteger(hat.Operand, depth + 1);
                return fromEnd.IsKnown && fromEnd.Value > 0 && fromEnd.Value <= int.MaxValue ? -(int)fromEnd.Value : null;
            }

            var value = EvaluateInteger(operation, depth + 1);
            return value.IsKnown && value.Value >= int.MinValue && value.Value <= int.MaxValue ? (int)value.Value : null;
        }

        private TrackedTensor EvaluateTensorProperty(IPropertyReferenceOperation property, IOperation receiver, int depth)
        {
            if (property.Property.IsIndexer)
            {
                var indices = IndexKinds(property.Arguments, depth);
                return indices is null ? TrackedTensor.Unknown : EvaluateTensor(receiver, depth + 1).Map(shape => ShapeOps.Index(shape, indices), keepsProducer: true);
            }

            return property.Property.Name switch
            {
                "T" => EvaluateTensor(receiver, depth + 1).Map(ShapeOps.Reverse, keepsProducer: true),
                "mT" => EvaluateTensor(receiver, depth + 1).Map(shape => ShapeOps.Transpose(shape, -2, -1), keepsProducer: true),
                _ => TrackedTensor.Unknown,
            };
        }

        private TrackedTensor EvaluateTensorInvocation(IInvocationOperation invocation, int depth)
        {
            var method = invocation.TargetMethod;
            if (invocation.Instance is { } receiver)
            {
                if (_symbols.IsTensor(receiver.Type))
                {
                    return EvaluateTensorMethod(invocation, receiver, depth);
                }

                if (method.Name is "call" or "forward")
                {
                    return EvaluateModuleCall(invocation, receiver, depth);
                }

                return TrackedTensor.Unknown;
            }

            if (SymbolEqualityComparer.Default.Equals(method.ContainingType, _symbols.Torch))
            {
                if (TensorFactoryNames.Contains(method.Name))
                {
                    return EvaluateTensorFactory(invocation, depth);
                }

                if (LikeFactoryNames.Contains(method.Name) && Argument(invocation, 0) is { } like)
                {
                    var source = EvaluateTensor(like.Value, depth + 1);
                    return source.Map(shape => shape, keepsProducer: false, EvaluateElementType(Argument(invocation, "dtype"), source.ElementType));
                }

                switch (method.Name)
                {
                    case "cat" or "concat" or "concatenate" when Argument(invocation, 0) is { } tensors:
                        return Combine(tensors.Value, Argument(invocation, 1), depth, ShapeOps.Concatenate);
                    case "stack" when Argument(invocation, 0) is { } tensors:
                        return Combine(tensors.Value, Argument(invocation, 1), depth, ShapeOps.Stack);
                    case "transpose" or "swapaxes" or "swapdims" or "unsqueeze" or "squeeze" or "flatten" or "narrow" or "select" or "permute" or "reshape"
                        when Argument(invocation, 0) is { } input:
                        return ApplyShapeMethod(method.Name, EvaluateTensor(input.Value, depth + 1), invocation, firstArgument: 1, depth);
                }

                return ShapeKeepingNames.Contains(method.Name) && Argument(invocation, 0) is { } kept
                    ? EvaluateTensor(kept.Value, depth + 1)
                    : TrackedTensor.Unknown;
            }

            if (SymbolEqualityComparer.Default.Equals(method.ContainingType, _symbols.Functional) && ShapeKeepingNames.Contains(method.Name) && Argument(invocation, 0) is { } functionalInput)
            {
                return EvaluateTensor(functionalInput.Value, depth + 1);
            }

            return TrackedTensor.Unknown;
        }

        private TrackedTensor EvaluateTensorMethod(IInvocationOperation invocation, IOperation receiver, int depth)
        {
            var name = invocation.TargetMethod.Name;
            if (ShapeKeepingNames.Contains(name))
            {
                return EvaluateTensor(receiver, depth + 1);
            }

            if (ElementTypeMethods.TryGetValue(name, out var elementType) && invocation.Arguments.Length == 0)
            {
                return EvaluateTensor(receiver, depth + 1).WithElementType(elementType);
            }

            switch (name)
            {
                case "to" or "to_type" or "type":
                    var type = Argument(invocation, 0) is { } first && SymbolEqualityComparer.Default.Equals(first.Parameter?.Type, _symbols.ScalarType)
                        ? EvaluateElementType(first, null)
                        : null;
                    var keepsType = Argument(invocation, 0) is { Parameter.Type.Name: "Device" or "String" or "DeviceType" };
                    var source = EvaluateTensor(receiver, depth + 1);
                    return type is not null ? source.WithElementType(type) : keepsType ? source : source.WithoutElementType();
                case "index" when invocation.Arguments.Length >= 1:
                    var indices = IndexKinds(invocation.Arguments, depth);
                    return indices is null ? TrackedTensor.Unknown : EvaluateTensor(receiver, depth + 1).Map(shape => ShapeOps.Index(shape, indices), keepsProducer: true);
                case "t":
                    return EvaluateTensor(receiver, depth + 1).Map(shape => shape.IsRankKnown && shape.Rank == 2 ? ShapeOps.Reverse(shape) : Shape.UnknownRank, keepsProducer: true);
                case "view_as" or "reshape_as" or "expand_as" when Argument(invocation, 0) is { } other:
                    var target = EvaluateTensor(other.Value, depth + 1);
                    var self = EvaluateTensor(receiver, depth + 1);
                    return target.Shape.IsRankKnown ? self.Map(_ => target.Shape, keepsProducer: true) : TrackedTensor.Unknown;
                default:
                    return ApplyShapeMethod(name, EvaluateTensor(receiver, depth + 1), invocation, firstArgument: 0, depth);
            }
        }

        /// <summary>The shape methods shared by <c>x.transpose(0, 1)</c> and <c>torch.transpose(x, 0, 1)</c>.</summary>
        private TrackedTensor ApplyShapeMethod(string name, TrackedTensor input, IInvocationOperation invocation, int firstArgument, int depth)
        {
            if (!input.IsKnown && input.Producer is null && input.ElementType is null)
            {
                return TrackedTensor.Unknown;
            }

            long? Constant(int offset)
            {
                var value = Argument(invocation, firstArgument + offset) is { } argument ? EvaluateInteger(argument.Value, depth + 1) : Dim.Unknown;
                return value.IsKnown ? value.Value : null;
            }

            switch (name)
            {
                case "transpose" or "swapaxes" or "swapdims" when Constant(0) is long a && Constant(1) is long b:
                    return input.Map(shape => ShapeOps.Transpose(shape, a, b), keepsProducer: true);
                case "unsqueeze" when Constant(0) is long at:
                    return input.Map(shape => ShapeOps.Unsqueeze(shape, at), keepsProducer: true);
                case "squeeze":
                    var squeezeArgument = Argument(invocation, firstArgument);
                    if (squeezeArgument is null || squeezeArgument.ArgumentKind == ArgumentKind.DefaultValue || IsNull(squeezeArgument.Value))
                    {
                        return input.Map(shape => ShapeOps.Squeeze(shape, null), keepsProducer: true);
                    }

                    return Constant(0) is long squeezed ? input.Map(shape => ShapeOps.Squeeze(shape, squeezed), keepsProducer: true) : TrackedTensor.Unknown;
                case "flatten":
                    var start = Argument(invocation, firstArgument) is { ArgumentKind: not ArgumentKind.DefaultValue } ? Constant(0) : 0;
                    var end = Argument(invocation, firstArgument + 1) is { ArgumentKind: not ArgumentKind.DefaultValue } ? Constant(1) : -1;
                    return start is long s && end is long e ? input.Map(shape => ShapeOps.Flatten(shape, s, e), keepsProducer: true) : TrackedTensor.Unknown;
                case "narrow" when Constant(0) is long narrowed && Argument(invocation, firstArgument + 2) is { } length:
                    var size = EvaluateInteger(length.Value, depth + 1);
                    return input.Map(shape => ShapeOps.Narrow(shape, narrowed, size), keepsProducer: true);
                case "select" when Constant(0) is long selected:
                    return input.Map(shape => ShapeOps.Select(shape, selected), keepsProducer: true);
                case "permute" when Sizes(invocation, firstArgument, depth) is { } permutation:
                    var order = new long[permutation.Count];
                    for (var i = 0; i < order.Length; i++)
                    {
                        if (!permutation[i].IsKnown)
                        {
                            return TrackedTensor.Unknown;
                        }

                        order[i] = permutation[i].Value;
                    }

                    return input.Map(shape => ShapeOps.Permute(shape, order), keepsProducer: true);
                case "view" or "reshape" when Sizes(invocation, firstArgument, depth) is { } sizes:
                    return input.Map(shape => ShapeOps.Reshape(shape, sizes), keepsProducer: true);
                case "expand" when Sizes(invocation, firstArgument, depth) is { } expanded:
                    return input.Map(shape => ShapeOps.Expand(shape, expanded), keepsProducer: true);
                default:
                    return TrackedTensor.Unknown;
            }
        }

        /// <summary>The sizes of a <c>params long[]</c> argument written inline, or an array/collection expression.</summary>
        private List<Dim>? Sizes(IInvocationOperation invocation, int parameterOrdinal, int depth)
        {
            if (Argument(invocation, parameterOrdinal) is not { } argument || ElementsOf(argument.Value) is not { } elements)
            {
                return null;
            }

            var sizes = new List<Dim>(elements.Count);
            foreach (var element in elements)
            {
                sizes.Add(EvaluateInteger(element, depth + 1));
            }

            return sizes;
        }

        private TrackedTensor Combine(IOperation tensors, IArgumentOperation? dimension, int depth, Func<IReadOnlyList<Shape>, long, Shape> combine)
        {
            var dim = dimension is null || dimension.ArgumentKind == ArgumentKind.DefaultValue ? Dim.Of(0) : EvaluateInteger(dimension.Value, depth + 1);
            if (!dim.IsKnown || ElementsOf(tensors) is not { Count: > 0 } elements)
            {
                return TrackedTensor.Unknown;
            }

            var shapes = new List<Shape>(elements.Count);
            TensorProducer? producer = null;
            string? elementType = null;
            for (var i = 0; i < elements.Count; i++)
            {
                var tensor = EvaluateTensor(elements[i], depth + 1);
                if (!tensor.Shape.IsRankKnown)
                {
                    return TrackedTensor.Unknown;
                }

                shapes.Add(tensor.Shape);
                producer = i == 0 || (producer is not null && tensor.Producer?.Layer == producer.Layer) ? tensor.Producer : null;
                elementType = i == 0 || elementType == tensor.ElementType ? tensor.ElementType : null;
            }

            return new TrackedTensor(combine(shapes, dim.Value), ImmutableArray<SyntaxNode>.Empty, null, elementType, producer);
        }

        /// <summary>The elements of an array creation, a collection expression or an implicit params array.</summary>
        private static IReadOnlyList<IOperation>? ElementsOf(IOperation value)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            if (value is IArrayCreationOperation { Initializer: { } initializer })
            {
                return initializer.ElementValues;
            }

            if (CollectionExpressionKind is { } collectionKind && value.Kind == collectionKind)
            {
                var elements = new List<IOperation>();
                foreach (var element in value.ChildOperations)
                {
                    if (SpreadKind is { } spreadKind && element.Kind == spreadKind)
                    {
                        return null;
                    }

                    elements.Add(element);
                }

                return elements;
            }

            return null;
        }

        /// <summary>What each index of an indexer or <c>index(...)</c> call does, or null when one is not understood.</summary>
        private List<TensorIndexKind>? IndexKinds(ImmutableArray<IArgumentOperation> arguments, int depth)
        {
            var kinds = new List<TensorIndexKind>();
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.IsParams == true && argument.ArgumentKind == ArgumentKind.ParamArray)
                {
                    if (ElementsOf(argument.Value) is not { } elements)
                    {
                        return null;
                    }

                    foreach (var element in elements)
                    {
                        if (IndexKind(element, depth) is not TensorIndexKind kind)
                        {
                            return null;
                        }

                        kinds.Add(kind);
                    }
                }
                else if (argument.Parameter?.IsParams == true)
                {
                    // An array passed as the params array itself: its length is not the index count written.
                    return null;
                }
                else if (IndexKind(argument.Value, depth) is TensorIndexKind kind)
                {
                    kinds.Add(kind);
                }
                else
                {
                    return null;
                }
            }

            return kinds;
        }

        private TensorIndexKind? IndexKind(IOperation index, int depth)
        {
            while (index is IConversionOperation conversion)
            {
                index = conversion.Operand;
            }

            switch (index)
            {
                case IRangeOperation range:
                    return range.LeftOperand is null && range.RightOperand is null ? TensorIndexKind.FullSlice : TensorIndexKind.PartialSlice;
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Hat }:
                    return TensorIndexKind.Integer;
                case IFieldReferenceOperation { Field.Name: "Colon" }:
                    return TensorIndexKind.FullSlice;
                case IFieldReferenceOperation { Field.Name: "Ellipsis" }:
                    return TensorIndexKind.Ellipsis;
                case IFieldReferenceOperation { Field.Name: "None" or "Null" }:
                    return TensorIndexKind.NewAxis;
                case IInvocationOperation { TargetMethod.Name: "Single" }:
                    return TensorIndexKind.Integer;
                case IInvocationOperation { TargetMethod.Name: "Slice" }:
                    return TensorIndexKind.PartialSlice;
                case ITupleOperation:
                    return TensorIndexKind.PartialSlice;
                default:
                    return IsInteger(index.Type) ? TensorIndexKind.Integer : null;
            }
        }

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

            // full's dtype follows its fill value when not given; the others default to Float32.
            var elementType = EvaluateElementType(Argument(factory, "dtype"), factory.TargetMethod.Name == "full" ? null : "Float32");
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
                    return EvaluateDimensionList(factory, argument.Value, elementType, depth);
                }
            }

            return dims.Count == 0 ? TrackedTensor.Unknown : new TrackedTensor(Shape.Of(dims), syntax.ToImmutable(), factory, elementType);
        }

        private TrackedTensor EvaluateDimensionList(IInvocationOperation factory, IOperation value, string? elementType, int depth)
        {
            if (ElementsOf(value) is not { } elements)
            {
                return TrackedTensor.Unknown;
            }

            var dims = new List<Dim>(4);
            var syntax = ImmutableArray.CreateBuilder<SyntaxNode>(4);
            foreach (var element in elements)
            {
                if (HasSyntaxErrors(element))
                {
                    return TrackedTensor.Unknown;
                }

                dims.Add(EvaluateInteger(element, depth + 1));
                syntax.Add(element.Syntax);
            }

            return new TrackedTensor(Shape.Of(dims), syntax.ToImmutable(), factory, elementType);
        }

        private static IArgumentOperation? Argument(IInvocationOperation invocation, int ordinal) => OperationArguments.ByOrdinal(invocation, ordinal);

        private static IArgumentOperation? Argument(IInvocationOperation invocation, string name) => OperationArguments.ByName(invocation, name);

        private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
