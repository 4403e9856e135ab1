using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RnnShapeAnalyzers.Benchmarks.Analyzer
{
    /// <summary>
    /// The baseline the analyzer's figures are reported against: registers the kinds of action the
    /// restructured RecurrentShapeAnalyzer registers, and does nothing in them. A compilation-start
    /// action resolves the TorchSharp types (and registers nothing without them, as the analyzer does);
    /// then, per named type, a symbol-start action registers an operation-block-start action (with an
    /// invocation operation action inside, per method) and a symbol-end action.
    /// What it costs is Roslyn's own cost of driving such an analyzer: the operation trees, the
    /// callbacks, and holding a type's symbol-end until all its members were analysed.
    /// </summary>
#pragma warning disable RS1001 // Deliberately without [DiagnosticAnalyzer]: that attribute makes it a compiler extension (RS1036, RS1041).
    public sealed class EmptySymbolStartAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
#pragma warning disable RS2008 // Release tracking is for shipped analyzers; this one exists only inside the benchmarks.
        private static readonly DiagnosticDescriptor Never = new DiagnosticDescriptor("EMPTY002", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);
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
                        type.RegisterOperationBlockStartAction(block => block.RegisterOperationAction(_ => { }, OperationKind.Invocation));
                        type.RegisterSymbolEndAction(_ => { });
                    },
                    SymbolKind.NamedType);
            });
        }
    }
}
