using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace RnnShapeAnalyzers
{
    /// <summary>
    /// Reports the shape rules on <c>call</c>/<c>forward</c> of TorchSharp's recurrent layers and cells,
    /// and of a Linear fed by one, when the shapes it can prove break them.
    /// </summary>
    /// <remarks>
    /// Pay for play: nothing is registered when TorchSharp is not referenced. Per type (a module's
    /// constructor and forward are members of one type), invocations are filtered by their syntax first
    /// (<c>.call(</c> or <c>.forward(</c>), so a method without one is never bound for this analyzer and
    /// no operation tree is built for it; a candidate is bound on its own. At the end of the type, and
    /// only if a candidate was found, they are evaluated: method bodies are indexed only when a call's
    /// operands lead to a local, the type's member writes only when they lead to a field or property.
    /// </remarks>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RecurrentShapeAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Descriptors.All;

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var symbols = TorchSharpSymbols.TryCreate(context.Compilation);
            if (symbols is null)
            {
                return;
            }

            context.RegisterSymbolStartAction(
                start =>
                {
                    var type = (INamedTypeSymbol)start.Symbol;
                    var analysis = new TypeShapeAnalysis(type, symbols);
                    start.RegisterSyntaxNodeAction(
                        node =>
                        {
                            var syntax = (InvocationExpressionSyntax)node.Node;
                            if (!IsCallOrForward(syntax)
                                || !SymbolEqualityComparer.Default.Equals(node.ContainingSymbol?.ContainingType, type)
                                || node.SemanticModel.GetOperation(syntax, node.CancellationToken) is not IInvocationOperation invocation
                                || !symbols.IsCheckedCallReceiver(invocation.Instance?.Type))
                            {
                                return;
                            }

                            analysis.AddCandidate(invocation, node.SemanticModel);
                        },
                        SyntaxKind.InvocationExpression);
                    start.RegisterSymbolEndAction(analysis.Analyze);
                },
                SymbolKind.NamedType);
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
