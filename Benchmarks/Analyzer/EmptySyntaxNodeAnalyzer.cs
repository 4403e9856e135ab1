using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RnnShapeAnalyzers.Benchmarks.Analyzer
{
    /// <summary>
    /// Registers exactly what RecurrentShapeAnalyzer registers since it filters calls by syntax first
    /// (per named type: a symbol-start action with an invocation syntax-node action, and a symbol-end
    /// action), and does nothing in them. Unlike <see cref="EmptySymbolStartAnalyzer"/>, it makes Roslyn
    /// bind no method body: the analyzer's ratio to it includes the binding of every method that calls
    /// a layer, which any analyzer that knows the layer's type must pay.
    /// </summary>
#pragma warning disable RS1001 // Deliberately without [DiagnosticAnalyzer]: that attribute makes it a compiler extension (RS1036, RS1041).
    public sealed class EmptySyntaxNodeAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
#pragma warning disable RS2008 // Release tracking is for shipped analyzers; this one exists only inside the benchmarks.
        private static readonly DiagnosticDescriptor Never = new DiagnosticDescriptor("EMPTY003", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);
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
                        type.RegisterSyntaxNodeAction(_ => { }, Microsoft.CodeAnalysis.CSharp.SyntaxKind.InvocationExpression);
                        type.RegisterSymbolEndAction(_ => { });
                    },
                    SymbolKind.NamedType);
            });
        }
    }
}
