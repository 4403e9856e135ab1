using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using RnnShapeAnalyzers.ShapeRules;

namespace RnnShapeAnalyzers.Tracking
{
    /// <summary>
    /// A small, bounded evaluator over the members of one type: integers from literals, constants,
    /// locals and members written once (or always to the same value), parameters (named, unknown sizes),
    /// <c>x.shape[i]</c> and + - * /; booleans likewise; tensor shapes from factories, shape methods and
    /// layer calls (<see cref="ShapeEvaluator"/>'s Tensors part); layers from their factory calls, held in
    /// locals, fields or auto-properties (the Layers part). Whatever it cannot prove is unknown.
    /// </summary>
    /// <remarks>
    /// Each method body's <see cref="LocalWriteIndex"/>, and the type's <see cref="MemberWriteIndex"/>, are
    /// built the first time a local or a member has to be followed, so a call whose every operand is
    /// written inline costs no walk at all.
    /// </remarks>
    internal sealed partial class ShapeEvaluator
    {
        // Deep enough for any real chain of locals, members and tensor methods; a bound keeps every path total.
        private const int MaxDepth = 32;

        private readonly TorchSharpSymbols _symbols;
        private readonly Func<MemberWriteIndex>? _buildMembers;
        private readonly CancellationToken _cancellationToken;
        private readonly Dictionary<IOperation, LocalWriteIndex> _locals = new Dictionary<IOperation, LocalWriteIndex>();
        private MemberWriteIndex? _members;

        /// <param name="buildMembers">Builds the index of the type's member writes; null when members are not followed.</param>
        public ShapeEvaluator(TorchSharpSymbols symbols, Func<MemberWriteIndex>? buildMembers, CancellationToken cancellationToken)
        {
            _symbols = symbols;
            _buildMembers = buildMembers;
            _cancellationToken = cancellationToken;
        }

        public TorchSharpSymbols Symbols => _symbols;

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
                    return SingleValue(local) is { Element: null } value ? EvaluateInteger(value.Value, depth + 1) : Dim.Unknown;
                case IParameterReferenceOperation parameter when IsInteger(parameter.Type) && !IsWritten(parameter):
                    return Dim.Symbolic(parameter.Parameter.Name);
                case IBinaryOperation binary:
                    return Arithmetic(binary.OperatorKind, EvaluateInteger(binary.LeftOperand, depth + 1), EvaluateInteger(binary.RightOperand, depth + 1));
                case IFieldReferenceOperation or IPropertyReferenceOperation when MemberOf(operation) is { } member:
                    return MemberInteger(member, depth);
                case IArrayElementReferenceOperation { Indices.Length: 1 } element
                    when element.ArrayReference is IPropertyReferenceOperation { Property.Name: "shape", Instance: { } tensor } && _symbols.IsTensor(tensor.Type):
                    return DimensionOf(tensor, element.Indices[0], operation.Syntax, depth);
                case IInvocationOperation { TargetMethod.Name: "size", Arguments.Length: 1, Instance: { } tensor } size when _symbols.IsTensor(tensor.Type):
                    return DimensionOf(tensor, size.Arguments[0].Value, operation.Syntax, depth);
                case IInvocationOperation { TargetMethod.Name: "dim", Arguments.Length: 0, Instance: { } tensor } when _symbols.IsTensor(tensor.Type):
                    return RankOf(tensor, depth);
                case IPropertyReferenceOperation { Property.Name: "Dimensions" or "ndim", Instance: { } tensor } when _symbols.IsTensor(tensor.Type):
                    return RankOf(tensor, depth);
                case IPropertyReferenceOperation { Property.Name: "Length", Instance: IPropertyReferenceOperation { Property.Name: "shape", Instance: { } tensor } } when _symbols.IsTensor(tensor.Type):
                    return RankOf(tensor, depth);
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

            switch (operation)
            {
                case IConversionOperation conversion:
                    return EvaluateBoolean(conversion.Operand, depth + 1);
                case ILocalReferenceOperation local:
                    return SingleValue(local) is { Element: null } single ? EvaluateBoolean(single.Value, depth + 1) : null;
                case IFieldReferenceOperation or IPropertyReferenceOperation when MemberOf(operation) is { } member:
                    bool? agreed = null;
                    var values = Members()?.Values(member);
                    if (values is null || values.Count == 0)
                    {
                        return null;
                    }

                    foreach (var value in values)
                    {
                        var evaluated = EvaluateBoolean(value, depth + 1);
                        if (evaluated is null || (agreed is not null && agreed != evaluated))
                        {
                            return null;
                        }

                        agreed = evaluated;
                    }

                    return agreed;
                default:
                    return null;
            }
        }

        /// <summary>A <c>ScalarType</c> argument as its name; the default (null or omitted) as <paramref name="defaultType"/>.</summary>
        public string? EvaluateElementType(IArgumentOperation? argument, string? defaultType)
        {
            if (argument is null || argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                return defaultType;
            }

            var value = argument.Value;
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            if (IsNull(value))
            {
                return defaultType;
            }

            if (value.ConstantValue.HasValue && value.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType
                && SymbolEqualityComparer.Default.Equals(enumType, _symbols.ScalarType))
            {
                foreach (var member in enumType.GetMembers())
                {
                    if (member is IFieldSymbol { HasConstantValue: true } field && Equals(field.ConstantValue, value.ConstantValue.Value))
                    {
                        return field.Name;
                    }
                }
            }

            return null;
        }

        /// <summary>The one value of <paramref name="local"/>, or null.</summary>
        public LocalValue? SingleValueOf(ILocalReferenceOperation local) => SingleValue(local);

        /// <summary>The one value of a local in the method body it belongs to, or null.</summary>
        private LocalValue? SingleValue(ILocalReferenceOperation local) => LocalsOf(local).SingleValue(local.Local);

        private bool IsWrittenOnce(ILocalReferenceOperation local) => LocalsOf(local).IsWrittenOnce(local.Local);

        private bool IsWritten(IParameterReferenceOperation parameter) => LocalsOf(parameter).IsWritten(parameter.Parameter);

        private LocalWriteIndex LocalsOf(IOperation operation)
        {
            var root = operation;
            while (root.Parent is { } parent)
            {
                root = parent;
            }

            if (!_locals.TryGetValue(root, out var index))
            {
                index = LocalWriteIndex.Build(root, _cancellationToken);
                _locals.Add(root, index);
            }

            return index;
        }

        private MemberWriteIndex? Members()
        {
            if (_members is null && _buildMembers is not null)
            {
                _members = _buildMembers();
            }

            return _members;
        }

        private static ISymbol? MemberOf(IOperation operation) => operation switch
        {
            IFieldReferenceOperation field when !field.Field.IsConst => field.Field,
            IPropertyReferenceOperation property when !property.Property.IsIndexer => property.Property,
            _ => null,
        };

        private Dim MemberInteger(ISymbol member, int depth)
        {
            var values = Members()?.Values(member);
            if (values is null || values.Count == 0)
            {
                return Dim.Unknown;
            }

            var agreed = EvaluateInteger(values[0], depth + 1);
            for (var i = 1; i < values.Count; i++)
            {
                if (!EvaluateInteger(values[i], depth + 1).IsProvablyEqualTo(agreed))
                {
                    return Dim.Unknown;
                }
            }

            return agreed;
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

        private static bool IsInteger(ITypeSymbol? type) => type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64;

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
