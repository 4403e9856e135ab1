using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RnnShapeAnalyzers.Benchmarks.Analyzer
{
    /// <summary>
    /// The floor under any analyzer that checks a call by its types: registers what RecurrentShapeAnalyzer
    /// registers and, for each <c>.call(</c>/<c>.forward(</c>, asks for its operation (which binds the
    /// method it is in), then does nothing. The analyzer's time above this one is its own work.
    /// </summary>
#pragma warning disable RS1001 // Deliberately without [DiagnosticAnalyzer]: that attribute makes it a compiler extension (RS1036, RS1041).
    public sealed class BindingOnlyAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
#pragma warning disable RS2008 // Release tracking is for shipped analyzers; this one exists only inside the benchmarks.
        private static readonly DiagnosticDescriptor Never = new DiagnosticDescriptor("EMPTY004", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);
#pragma warning restore RS2008

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                if (!TorchSharpTypeLookups.ResolveTorchSharp(start.Compilation))
                {
                    return;
                }

                start.RegisterSymbolStartAction(
                    type =>
                    {
                        type.RegisterSyntaxNodeAction(
                            node =>
                            {
                                if (node.Node is Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax { Expression: Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax { Name.Identifier.ValueText: "call" or "forward" } })
                                {
                                    node.SemanticModel.GetOperation(node.Node, node.CancellationToken);
                                }
                            },
                            Microsoft.CodeAnalysis.CSharp.SyntaxKind.InvocationExpression);
                        type.RegisterSymbolEndAction(_ => { });
                    },
                    SymbolKind.NamedType);
            });
        }
    }
}
