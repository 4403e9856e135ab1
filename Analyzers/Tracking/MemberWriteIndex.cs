using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace RnnShapeAnalyzers.Tracking
{
    /// <summary>
    /// Every value assigned to each field and auto-property of one type, from all of its members (field
    /// and property initializers, constructors, methods, lambdas), so that a layer built in the
    /// constructor and called in <c>forward</c> can be followed. Only members no type outside it can assign
    /// are followed: private ones, readonly fields, and auto-properties whose setter is absent or private; any
    /// write the index cannot read (ref/out, compound, deconstruction) makes the member unknown.
    /// </summary>
    /// <remarks>
    /// Filled one member at a time, the first time that member is asked about, from the writes that name
    /// it in the type's members and in the types nested in it (<c>_gru = ...</c>, <c>this._gru = ...</c>,
    /// <c>owner._gru = ...</c>, <c>(_gru, _h) = ...</c>, <c>ref _gru</c>, its initializer), so the members nobody asks about (constants, sizes, the log
    /// list) are never searched for. Not seen: a struct's <c>this = ...</c>, which writes every field
    /// without naming one. A write of an already answered member met later (which only such a spelling
    /// could cause) makes it unknown rather than changing the answer.
    /// </remarks>
    internal sealed class MemberWriteIndex
    {
        private readonly INamedTypeSymbol _type;
        private readonly Func<string, IEnumerable<IOperation>> _writesNaming;
        private readonly CancellationToken _cancellationToken;
        private readonly Dictionary<ISymbol, List<IOperation>> _writes = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);
        private readonly HashSet<ISymbol> _opaque = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        private readonly HashSet<string> _searchedNames = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<SyntaxNode> _recorded = new HashSet<SyntaxNode>();

        // Members whose search is done: their list of values may have been handed out, and stays as it is.
        private readonly HashSet<ISymbol> _answered = new HashSet<ISymbol>(SymbolEqualityComparer.Default);

        /// <param name="writesNaming">
        /// The operations that may write a member with the given name: assignments, increments, ref/out
        /// arguments, ref expressions and initializers whose written part names it (found by syntax, see
        /// TypeShapeAnalysis). Their children are not walked.
        /// </param>
        public MemberWriteIndex(INamedTypeSymbol type, Func<string, IEnumerable<IOperation>> writesNaming, CancellationToken cancellationToken)
        {
            _type = type;
            _writesNaming = writesNaming;
            _cancellationToken = cancellationToken;
        }

        /// <summary>The values <paramref name="member"/> is ever given, or null when it cannot be followed.</summary>
        public IReadOnlyList<IOperation>? Values(ISymbol member)
        {
            if (!IsFollowable(member))
            {
                return null;
            }

            Search(member);
            if (_opaque.Contains(member) || !_writes.TryGetValue(member, out var writes))
            {
                return null;
            }

            return writes;
        }

        private void Search(ISymbol member)
        {
            if (!_searchedNames.Add(member.Name))
            {
                return;
            }

            foreach (var operation in _writesNaming(member.Name))
            {
                _cancellationToken.ThrowIfCancellationRequested();

                // A write naming two members (`(_a, _b) = t`) is found for each name, and recorded once.
                if (_recorded.Add(operation.Syntax))
                {
                    Record(operation);
                }
            }

            // Messages name the first write: kept in source order, so it is always the same one.
            if (_writes.TryGetValue(member, out var writes))
            {
                writes.Sort(CompareSourceOrder);
            }

            _answered.Add(member.OriginalDefinition);
        }

        private static int CompareSourceOrder(IOperation a, IOperation b)
            => a.Syntax.SyntaxTree == b.Syntax.SyntaxTree
                ? a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart)
                : string.CompareOrdinal(a.Syntax.SyntaxTree.FilePath, b.Syntax.SyntaxTree.FilePath);

        private bool IsFollowable(ISymbol member)
        {
            if (!SymbolEqualityComparer.Default.Equals(member.ContainingType, _type))
            {
                return false;
            }

            switch (member)
            {
                case IFieldSymbol field:
                    return field.DeclaredAccessibility == Accessibility.Private || field.IsReadOnly;
                case IPropertySymbol property when !property.IsIndexer && !property.ReturnsByRef && IsAutoProperty(property):
                    return property.DeclaredAccessibility == Accessibility.Private
                        || property.SetMethod is null
                        || (property.SetMethod.DeclaredAccessibility == Accessibility.Private && !property.SetMethod.IsInitOnly);
                default:
                    return false;
            }
        }

        /// <summary>An auto-property has a compiler-made backing field; a property with a body may return anything.</summary>
        private bool IsAutoProperty(IPropertySymbol property)
        {
            foreach (var member in _type.GetMembers())
            {
                if (member is IFieldSymbol { IsImplicitlyDeclared: true } field && SymbolEqualityComparer.Default.Equals(field.AssociatedSymbol, property))
                {
                    return true;
                }
            }

            return false;
        }

        private void Record(IOperation operation)
        {
            switch (operation)
            {
                case IFieldInitializerOperation initializer:
                    foreach (var field in initializer.InitializedFields)
                    {
                        AddWrite(field, initializer.Value);
                    }

                    break;
                case IPropertyInitializerOperation initializer:
                    foreach (var property in initializer.InitializedProperties)
                    {
                        AddWrite(property, initializer.Value);
                    }

                    break;
                case ISimpleAssignmentOperation assignment when Member(assignment.Target) is { } assigned:
                    if (assignment.IsRef)
                    {
                        _opaque.Add(assigned);
                    }
                    else
                    {
                        AddWrite(assigned, assignment.Value);
                    }

                    break;
                case ICompoundAssignmentOperation compound:
                    MarkOpaque(compound.Target);
                    break;
                case ICoalesceAssignmentOperation coalesce:
                    MarkOpaque(coalesce.Target);
                    break;
                case IIncrementOrDecrementOperation increment:
                    MarkOpaque(increment.Target);
                    break;
                case IDeconstructionAssignmentOperation deconstruction:
                    MarkAllOpaque(deconstruction.Target);
                    break;
                case IArgumentOperation argument when argument.Parameter is { RefKind: RefKind.Ref or RefKind.Out }:
                    MarkOpaque(argument.Value);
                    break;
                case IFieldReferenceOperation or IPropertyReferenceOperation:
                    // Reached only as the operand of a ref expression (`ref var x = ref field;`): it may be written through.
                    MarkOpaque(operation);
                    break;
            }
        }

        private static ISymbol? Member(IOperation target) => target switch
        {
            IFieldReferenceOperation field => field.Field.OriginalDefinition,
            IPropertyReferenceOperation property => property.Property.OriginalDefinition,
            _ => null,
        };

        private void AddWrite(ISymbol member, IOperation value)
        {
            member = member.OriginalDefinition;
            if (_answered.Contains(member))
            {
                _opaque.Add(member);
                return;
            }

            if (!_writes.TryGetValue(member, out var list))
            {
                list = new List<IOperation>(1);
                _writes.Add(member, list);
            }

            list.Add(value);
        }

        private void MarkOpaque(IOperation? target)
        {
            if (target is not null && Member(target) is { } member)
            {
                _opaque.Add(member);
            }
        }

        private void MarkAllOpaque(IOperation target)
        {
            var pending = new Stack<IOperation>();
            pending.Push(target);
            while (pending.Count > 0)
            {
                var operation = pending.Pop();
                MarkOpaque(operation);
                foreach (var child in operation.ChildOperations)
                {
                    pending.Push(child);
                }
            }
        }
    }
}
