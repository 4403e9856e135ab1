using System.Collections.Generic;
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
        /// The writes inside the members of <paramref name="declaration"/> (lambdas and local functions
        /// included, nested types, base-list arguments and attributes not), in source order.
        /// <paramref name="writesOfItsFile"/> is every write of the declaration's file, when a walk of the
        /// file has collected them already; otherwise the declaration is walked.
        /// </summary>
        public static IEnumerable<SyntaxNode> InMembersOf(TypeDeclarationSyntax declaration, IReadOnlyList<SyntaxNode>? writesOfItsFile)
        {
            if (writesOfItsFile is null)
            {
                foreach (var member in declaration.Members)
                {
                    if (member is BaseTypeDeclarationSyntax)
                    {
                        continue;
                    }

                    foreach (var node in member.DescendantNodes(descendIntoChildren: n => n is not BaseTypeDeclarationSyntax))
                    {
                        if (Target(node) is not null)
                        {
                            yield return node;
                        }
                    }
                }

                yield break;
            }

            var span = declaration.Span;
            foreach (var node in writesOfItsFile)
            {
                if (span.Contains(node.Span) && IsInMemberOf(node, declaration))
                {
                    yield return node;
                }
            }
        }

        /// <summary>True when the nearest type declaration around <paramref name="node"/> is <paramref name="declaration"/>, and the node is inside one of its members.</summary>
        private static bool IsInMemberOf(SyntaxNode node, TypeDeclarationSyntax declaration)
        {
            var child = node;
            for (var parent = node.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                if (parent == declaration)
                {
                    return child is MemberDeclarationSyntax and not BaseTypeDeclarationSyntax;
                }

                if (parent is BaseTypeDeclarationSyntax)
                {
                    return false;
                }
            }

            return false;
        }
    }
}
