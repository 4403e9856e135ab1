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
    /// <c>x?.call(...)</c>, located by a search of the source text for the two names
    /// (<see cref="IdentifierSearch"/>), not by a walk of every node. Only those are bound, one by one,
    /// and kept when their receiver is a recurrent layer, a cell or a Linear; a method without such a call
    /// is never bound for this analyzer.
    /// </summary>
    internal static class CandidateCalls
    {
        private static readonly string[] CallNames = { "call", "forward" };

        /// <summary>
        /// Every candidate call under <paramref name="scope"/> (a tree's root, or one declaration of a
        /// partial type), in source order, with the type whose member contains it: a call in a lambda or
        /// a local function belongs to the type of the member around it, a call in a nested type to the
        /// nested type.
        /// </summary>
        public static void Collect(SyntaxNode scope, SemanticModel model, TorchSharpSymbols symbols, Action<INamedTypeSymbol, IInvocationOperation> found, CancellationToken cancellationToken)
        {
            TypeDeclarationSyntax? lastDeclaration = null;
            INamedTypeSymbol? lastType = null;
            foreach (var name in IdentifierSearch.Find(scope, CallNames, cancellationToken))
            {
                if (Invocation(name) is not { } syntax)
                {
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

        /// <summary>
        /// The invocation <paramref name="name"/> is the method name of, when it is <c>x.name(...)</c> or
        /// <c>x?.name(...)</c>: the cheapest test, on syntax alone.
        /// </summary>
        private static InvocationExpressionSyntax? Invocation(SyntaxToken name)
        {
            if (name.Parent is not SimpleNameSyntax simpleName)
            {
                return null;
            }

            return simpleName.Parent switch
            {
                MemberAccessExpressionSyntax member when member.Name == simpleName && member.Parent is InvocationExpressionSyntax invocation && invocation.Expression == member => invocation,
                MemberBindingExpressionSyntax binding when binding.Parent is InvocationExpressionSyntax invocation && invocation.Expression == binding => invocation,
                _ => null,
            };
        }
    }
}
