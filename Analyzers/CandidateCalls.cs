using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace RnnShapeAnalyzers
{
    /// <summary>
    /// The calls the analyzer checks, found by syntax first: <c>x.call(...)</c>, <c>x.forward(...)</c>,
    /// <c>x?.call(...)</c>. Only those are bound, one by one, and kept when their receiver is a recurrent
    /// layer, a cell or a Linear; a method without such a call is never bound for this analyzer.
    /// </summary>
    internal static class CandidateCalls
    {
        /// <summary>
        /// Every candidate call under <paramref name="scope"/> (a tree's root, or one declaration of a
        /// partial type), with the type whose member contains it: a call in a lambda or a local function
        /// belongs to the type of the member around it, a call in a nested type to the nested type.
        /// </summary>
        /// <param name="writes">When not null, also receives every member-write syntax under <paramref name="scope"/>
        /// (<see cref="MemberWriteSyntax"/>), so that a type's member writes need no second walk of the file.</param>
        public static void Collect(SyntaxNode scope, SemanticModel model, TorchSharpSymbols symbols, List<SyntaxNode>? writes, Action<INamedTypeSymbol, IInvocationOperation> found, CancellationToken cancellationToken)
        {
            TypeDeclarationSyntax? lastDeclaration = null;
            INamedTypeSymbol? lastType = null;
            foreach (var node in scope.DescendantNodes())
            {
                if (node is not InvocationExpressionSyntax syntax || !IsCallOrForward(syntax))
                {
                    if (writes is not null && MemberWriteSyntax.Target(node) is not null)
                    {
                        writes.Add(node);
                    }

                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                if (model.GetOperation(syntax, cancellationToken) is not IInvocationOperation invocation
                    || !symbols.IsCheckedCallReceiver(invocation.Instance?.Type))
                {
                    continue;
                }

                // The innermost type declaration around the call names its type. The last declaration's
                // symbol is kept: consecutive calls are mostly in the same declaration (a nested type
                // in between only costs one more lookup).
                var declaration = syntax.FirstAncestorOrSelf<TypeDeclarationSyntax>();
                if (declaration is null)
                {
                    // Top-level statements: the compiler's Program type.
                    if (model.GetEnclosingSymbol(syntax.SpanStart, cancellationToken)?.ContainingType is { } program)
                    {
                        found(program, invocation);
                    }

                    continue;
                }

                if (declaration != lastDeclaration)
                {
                    lastDeclaration = declaration;
                    lastType = model.GetDeclaredSymbol(declaration, cancellationToken);
                }

                if (lastType is not null)
                {
                    found(lastType, invocation);
                }
            }
        }

        /// <summary><c>x.call(...)</c>, <c>x.forward(...)</c>, <c>x?.call(...)</c>: the cheapest test, on syntax alone.</summary>
        private static bool IsCallOrForward(InvocationExpressionSyntax invocation)
        {
            var name = invocation.Expression switch
            {
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
                _ => null,
            };
            return name is "call" or "forward";
        }
    }
}
