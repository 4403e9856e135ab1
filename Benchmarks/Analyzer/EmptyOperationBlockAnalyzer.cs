using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RnnShapeAnalyzers.Benchmarks.Analyzer
{
    /// <summary>
    /// The earlier baseline, kept for comparison with earlier runs: the kinds of action the analyzer
    /// registered before it looked at whole types (compilation start, then per method an
    /// operation-block-start action with an invocation operation action and a block-end action), all
    /// doing nothing. The figures are reported against <see cref="EmptySymbolStartAnalyzer"/>.
    /// </summary>
#pragma warning disable RS1001 // Deliberately without [DiagnosticAnalyzer]: that attribute makes it a compiler extension (RS1036, RS1041).
    public sealed class EmptyOperationBlockAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
#pragma warning disable RS2008 // Release tracking is for shipped analyzers; this one exists only inside the benchmarks.
        private static readonly DiagnosticDescriptor Never = new DiagnosticDescriptor("EMPTY001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);
#pragma warning restore RS2008

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
                start.RegisterOperationBlockStartAction(block =>
                {
                    block.RegisterOperationAction(_ => { }, OperationKind.Invocation);
                    block.RegisterOperationBlockEndAction(_ => { });
                }));
        }
    }
}
