using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace RnnShapeAnalyzers.Tracking
{
    /// <summary>
    /// Every write to every local of one method body (lambdas and local functions included), so that
    /// a local written exactly once by a plain assignment can be replaced by the value it was given.
    /// A local that is written in any other way (ref/out, compound assignment, deconstruction,
    /// pattern, foreach, an in-place tensor method such as <c>unsqueeze_</c>) has no single value.
    /// An in-place method changes the tensor object, not the local, so it also takes the single value
    /// from every local the mutated one was copied from (<c>var alias = h0; alias.transpose_(0, 1);</c>
    /// changes <c>h0</c>'s tensor too), including through tuple elements. A local used directly by an
    /// operation that does not bind (code being typed) is treated the same way.
    /// </summary>
    internal sealed class LocalWriteIndex
    {
        private readonly Dictionary<ILocalSymbol, List<LocalValue>> _writes = new Dictionary<ILocalSymbol, List<LocalValue>>(SymbolEqualityComparer.Default);
        private readonly HashSet<ILocalSymbol> _opaque = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        private readonly Stack<ILocalSymbol> _mutatedInPlace = new Stack<ILocalSymbol>();
        private readonly HashSet<IParameterSymbol> _writtenParameters = new HashSet<IParameterSymbol>(SymbolEqualityComparer.Default);

        private LocalWriteIndex()
        {
        }

        public static LocalWriteIndex Build(IOperation root, CancellationToken cancellationToken)
        {
            var index = new LocalWriteIndex();
            // A method's operation tree is wide (a block's statements are pushed at once): sized so that
            // an ordinary method does not grow it.
            var pending = new Stack<IOperation>(64);
            pending.Push(root);
            while (pending.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var operation = pending.Pop();
                index.Record(operation);
                foreach (var child in operation.ChildOperations)
                {
                    pending.Push(child);
                }
            }

            index.PropagateInPlaceMutations();
            return index;
        }

        /// <summary>The one value <paramref name="local"/> is ever given, or null.</summary>
        public LocalValue? SingleValue(ILocalSymbol local)
        {
            if (local.IsRef || _opaque.Contains(local) || !_writes.TryGetValue(local, out var writes) || writes.Count != 1)
            {
                return null;
            }

            return writes[0];
        }

        /// <summary>True when the method assigns <paramref name="parameter"/> or changes its tensor in place: its value is not the caller's.</summary>
        public bool IsWritten(IParameterSymbol parameter) => parameter.RefKind != RefKind.None || _writtenParameters.Contains(parameter);

        /// <summary>True when <paramref name="local"/> is written exactly once, by whatever value (known or not).</summary>
        public bool IsWrittenOnce(ILocalSymbol local)
            => !local.IsRef && !_opaque.Contains(local) && _writes.TryGetValue(local, out var writes) && writes.Count == 1;

        /// <remarks>
        /// Every operation of the method passes here, so the switch is on <see cref="IOperation.Kind"/> (a
        /// jump table) and only the few kinds that write are cast: a type test per interface on every
        /// operation was a measurable part of the analyzer's time.
        /// </remarks>
        private void Record(IOperation operation)
        {
            switch (operation.Kind)
            {
                case OperationKind.VariableDeclarator:
                    var declarator = (IVariableDeclaratorOperation)operation;
                    if (declarator.Initializer is { } initializer)
                    {
                        AddWrite(declarator.Symbol, new LocalValue(initializer.Value));
                    }

                    break;
                case OperationKind.SimpleAssignment:
                    var assignment = (ISimpleAssignmentOperation)operation;
                    if (assignment.Target is ILocalReferenceOperation assigned)
                    {
                        AddWrite(assigned.Local, new LocalValue(assignment.Value));
                    }
                    else if (assignment.Target is IParameterReferenceOperation parameter)
                    {
                        _writtenParameters.Add(parameter.Parameter);
                    }

                    break;
                case OperationKind.DeconstructionAssignment:
                    RecordDeconstruction((IDeconstructionAssignmentOperation)operation);
                    break;
                case OperationKind.CompoundAssignment:
                    MarkOpaque(((ICompoundAssignmentOperation)operation).Target);
                    break;
                case OperationKind.CoalesceAssignment:
                    MarkOpaque(((ICoalesceAssignmentOperation)operation).Target);
                    break;
                case OperationKind.Increment:
                case OperationKind.Decrement:
                    MarkOpaque(((IIncrementOrDecrementOperation)operation).Target);
                    break;
                case OperationKind.Argument:
                    var argument = (IArgumentOperation)operation;
                    if (argument.Parameter is { RefKind: RefKind.Ref or RefKind.Out })
                    {
                        MarkAllOpaque(argument.Value);
                    }

                    break;
                case OperationKind.DeclarationPattern:
                    if (((IDeclarationPatternOperation)operation).DeclaredSymbol is ILocalSymbol patternLocal)
                    {
                        _opaque.Add(patternLocal);
                    }

                    break;
                case OperationKind.Loop:
                    if (operation is IForEachLoopOperation forEach)
                    {
                        MarkAllOpaque(forEach.LoopControlVariable);
                    }

                    break;
                case OperationKind.CatchClause:
                    foreach (var local in ((ICatchClauseOperation)operation).Locals)
                    {
                        _opaque.Add(local);
                    }

                    break;
                case OperationKind.Invocation:
                    var invocation = (IInvocationOperation)operation;
                    if (invocation.Instance is { } receiver && invocation.TargetMethod.Name.EndsWith("_", System.StringComparison.Ordinal))
                    {
                        // TorchSharp's in-place methods (unsqueeze_, transpose_, squeeze_, ...) can change the
                        // shape of the tensor a local holds without assigning the local.
                        MarkMutatedInPlace(receiver);
                    }

                    break;
                case OperationKind.Invalid:
                    // Code that does not bind (yet): an in-place call being typed, 'x.unsqueeze_(' that
                    // swallowed the next line as its argument, a call of a method not written yet. What
                    // it does to the tensors of the locals it uses is unknown.
                    foreach (var child in operation.ChildOperations)
                    {
                        MarkMutatedInPlace(child);
                    }

                    break;
            }
        }

        /// <summary>Every local whose tensor <paramref name="operation"/> may be: the local itself, or the tuple local it is an element of.</summary>
        private void MarkMutatedInPlace(IOperation? operation)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    MarkMutatedInPlace(conversion.Operand);
                    break;
                case ILocalReferenceOperation local:
                    _mutatedInPlace.Push(local.Local);
                    break;
                case IParameterReferenceOperation parameter:
                    _writtenParameters.Add(parameter.Parameter);
                    break;
                case IFieldReferenceOperation field:
                    MarkMutatedInPlace(field.Instance);
                    break;
                case ITupleOperation tuple:
                    foreach (var element in tuple.Elements)
                    {
                        MarkMutatedInPlace(element);
                    }

                    break;
            }
        }

        /// <summary>A mutated local has no single value, nor has any local its value was copied from.</summary>
        private void PropagateInPlaceMutations()
        {
            var visited = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
            while (_mutatedInPlace.Count > 0)
            {
                var local = _mutatedInPlace.Pop();
                _opaque.Add(local);
                if (!visited.Add(local) || !_writes.TryGetValue(local, out var values))
                {
                    continue;
                }

                foreach (var value in values)
                {
                    MarkMutatedInPlace(value.Element is int element && Unwrap(value.Value) is ITupleOperation tuple && element < tuple.Elements.Length
                        ? tuple.Elements[element]
                        : value.Value);
                }
            }
        }

        /// <summary>
        /// <c>var (output, hn) = gru.call(x);</c>: each local is element i of the value. A nested tuple
        /// target is not followed.
        /// </summary>
        private void RecordDeconstruction(IDeconstructionAssignmentOperation deconstruction)
        {
            var target = deconstruction.Target is IDeclarationExpressionOperation declaration ? declaration.Expression : deconstruction.Target;
            if (target is not ITupleOperation tuple)
            {
                MarkAllOpaque(deconstruction.Target);
                return;
            }

            for (var i = 0; i < tuple.Elements.Length; i++)
            {
                var element = tuple.Elements[i] is IDeclarationExpressionOperation elementDeclaration ? elementDeclaration.Expression : tuple.Elements[i];
                switch (element)
                {
                    case ILocalReferenceOperation local:
                        AddWrite(local.Local, new LocalValue(deconstruction.Value, i));
                        break;
                    case IDiscardOperation:
                        break;
                    default:
                        MarkAllOpaque(element);
                        break;
                }
            }
        }

        private static IOperation Unwrap(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        private void AddWrite(ILocalSymbol local, LocalValue value)
        {
            if (!_writes.TryGetValue(local, out var list))
            {
                list = new List<LocalValue>(1);
                _writes.Add(local, list);
            }

            list.Add(value);
        }

        private void MarkOpaque(IOperation? target)
        {
            switch (target)
            {
                case ILocalReferenceOperation reference:
                    _opaque.Add(reference.Local);
                    break;
                case IParameterReferenceOperation parameter:
                    _writtenParameters.Add(parameter.Parameter);
                    break;
            }
        }

        private void MarkAllOpaque(IOperation? target)
        {
            if (target is null)
            {
                return;
            }

            var pending = new Stack<IOperation>();
            pending.Push(target);
            while (pending.Count > 0)
            {
                var operation = pending.Pop();
                MarkOpaque(operation);
                if (operation is IVariableDeclaratorOperation declarator)
                {
                    _opaque.Add(declarator.Symbol);
                }

                foreach (var child in operation.ChildOperations)
                {
                    pending.Push(child);
                }
            }
        }
    }
}
