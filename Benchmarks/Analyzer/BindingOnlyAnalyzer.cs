using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RnnShapeAnalyzers.Benchmarks.Analyzer
{
    /// <summary>
    /// The floor under any analyzer that checks a call by its types: registers what RecurrentShapeAnalyzer
    /// registers (one semantic model action per file), finds the <c>.call(</c>/<c>.forward(</c>
    /// invocations by syntax as it does, asks for each one's operation (which binds the statement it is
    /// in), and stops. The analyzer's time above this one is its own work: evaluating shapes, and binding
    /// what a call's operands lead to (locals' writes, the constructor that sets a field).
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

                start.RegisterSemanticModelAction(file =>
                {
                    foreach (var node in file.SemanticModel.SyntaxTree.GetRoot(file.CancellationToken).DescendantNodes())
                    {
                        if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "call" or "forward" } })
                        {
                            file.SemanticModel.GetOperation(node, file.CancellationToken);
                        }
                    }
                });
            });
        }
    }
}
