using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RnnShapeAnalyzers.Benchmarks.Analyzer
{
    /// <summary>
    /// What the benchmarks' stand-in analyzers share with RecurrentShapeAnalyzer: concurrent, generated
    /// code skipped, the same TorchSharp type lookups in compilation start, and nothing registered
    /// without TorchSharp. Each one registers its actions in <see cref="OnTorchSharp"/> and reports
    /// nothing.
    /// </summary>
#pragma warning disable RS1001 // Deliberately without [DiagnosticAnalyzer]: that attribute makes it a compiler extension (RS1036, RS1041).
    public abstract class TorchSharpOnlyAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
        private readonly ImmutableArray<DiagnosticDescriptor> _never;

        protected TorchSharpOnlyAnalyzer(string id)
        {
#pragma warning disable RS2008 // Release tracking is for shipped analyzers; these exist only inside the benchmarks.
            _never = ImmutableArray.Create(new DiagnosticDescriptor(id, "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true));
#pragma warning restore RS2008
        }

        public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _never;

        public sealed override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                if (TorchSharpTypeLookups.ResolveTorchSharp(start.Compilation))
                {
                    OnTorchSharp(start);
                }
            });
        }

        /// <summary>Registers the analyzer's actions, in a compilation that references TorchSharp.</summary>
        protected abstract void OnTorchSharp(CompilationStartAnalysisContext start);
    }
}
