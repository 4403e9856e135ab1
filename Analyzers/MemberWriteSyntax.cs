using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RnnShapeAnalyzers
{
    /// <summary>
    /// The syntax that may write a field or property: assignments, increments, ref/out arguments, ref
    /// expressions, and field and property initializers. Recognised by syntax so that only these are
    /// bound; which member each one writes is decided on the bound operation.
    /// </summary>
    internal static class MemberWriteSyntax
    {
        /// <summary>The part of <paramref name="node"/> that is written, when it is a write; null otherwise.</summary>
        public static SyntaxNode? Target(SyntaxNode node) => node switch
        {
            AssignmentExpressionSyntax assignment => assignment.Left,
            PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } prefix => prefix.Operand,
            PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression } postfix => postfix.Operand,
            ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.RefKeyword or (int)SyntaxKind.OutKeyword } argument => argument.Expression,
            RefExpressionSyntax reference => reference.Expression,
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: BaseFieldDeclarationSyntax } } field => field,
            EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax } property => property,
            _ => null,
        };

        /// <summary>
        /// The writes inside the members of <paramref name="declaration"/> (lambdas, local functions and
        /// nested types included: a nested type may assign the type's private members; the
        /// declaration's own base-list arguments and attributes not) whose written part names
        /// <paramref name="name"/>, and the initializer of the declaration's field or property of that
        /// name, in source order. Which member a write assigns is left to binding: a nested type's own
        /// member of the same name is found too, and told apart by its symbol. Found from the name's tokens (<see cref="IdentifierSearch"/>) up, not by
        /// a walk of the members.
        /// </summary>
        public static List<SyntaxNode> Naming(TypeDeclarationSyntax declaration, string name, CancellationToken cancellationToken)
        {
            var writes = new List<SyntaxNode>();
            var seen = new HashSet<SyntaxNode>();
            foreach (var member in declaration.Members)
            {
                switch (member)
                {
                    case BaseFieldDeclarationSyntax field:
                        foreach (var variable in field.Declaration.Variables)
                        {
                            if (variable.Initializer is { } initializer && variable.Identifier.ValueText == name)
                            {
                                writes.Add(initializer);
                                seen.Add(initializer);
                            }
                        }

                        break;
                    case PropertyDeclarationSyntax { Initializer: { } initializer } property when property.Identifier.ValueText == name:
                        writes.Add(initializer);
                        seen.Add(initializer);
                        break;
                }
            }

            foreach (var token in IdentifierSearch.Find(declaration, new[] { name }, cancellationToken))
            {
                // Every write whose written part holds the token: `_h = x`, `this._h++`, `(_a, _b) = t`,
                // `out _h`, and the outer one of `_a[_i] = x` too. Not an initializer: it writes its own
                // member, whatever its value names, and the member's own was taken above.
                for (var node = token.Parent; node is not null && node != declaration; node = node.Parent)
                {
                    if (node is not EqualsValueClauseSyntax && Target(node) is { } target && target.Span.Contains(token.Span) && IsInMemberOf(node, declaration) && seen.Add(node))
                    {
                        writes.Add(node);
                    }
                }
            }

            // Outer before inner where two start together, as a walk would meet them.
            writes.Sort((a, b) => a.SpanStart != b.SpanStart ? a.SpanStart.CompareTo(b.SpanStart) : b.Span.Length.CompareTo(a.Span.Length));
            return writes;
        }

        /// <summary>True when <paramref name="node"/> is inside one of <paramref name="declaration"/>'s members, a nested type's included.</summary>
        private static bool IsInMemberOf(SyntaxNode node, TypeDeclarationSyntax declaration)
        {
            var child = node;
            for (var parent = node.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                if (parent == declaration)
                {
                    return child is MemberDeclarationSyntax;
                }
            }

            return false;
        }
    }
}
