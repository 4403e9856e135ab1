using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RnnShapeAnalyzers.Benchmarks.Analyzer;

namespace RnnShapeAnalyzers.Floor
{
    /// <summary>
    /// One floor analyzer of the benchmarks, chosen when this assembly is built (-p:Floor=...), behind
    /// the attribute that makes the compiler load it; the benchmarks' own classes go without it.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class FloorAnalyzer : DiagnosticAnalyzer
    {
#if FLOOR_BINDING
        private readonly DiagnosticAnalyzer _floor = new BindingOnlyAnalyzer();
#else
        private readonly DiagnosticAnalyzer _floor = new EmptySemanticModelAnalyzer();
#endif

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _floor.SupportedDiagnostics;

#pragma warning disable RS1025, RS1026 // The wrapped analyzer configures generated code and concurrency itself.
        public override void Initialize(AnalysisContext context) => _floor.Initialize(context);
#pragma warning restore RS1025, RS1026
    }
}
