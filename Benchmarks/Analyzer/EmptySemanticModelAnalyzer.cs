using Microsoft.CodeAnalysis.Diagnostics;

namespace RnnShapeAnalyzers.Benchmarks.Analyzer
{
    /// <summary>
    /// The baseline: registers exactly what RecurrentShapeAnalyzer registers (compilation start
    /// resolving the TorchSharp types, then one semantic model action, called once per file) and does
    /// nothing in it. The analyzer's ratio to it includes the binding of the calls it checks and of the
    /// constructors that set the layers they call, which any analyzer that knows a layer's type pays.
    /// </summary>
#pragma warning disable RS1001 // Deliberately without [DiagnosticAnalyzer]: that attribute makes it a compiler extension (RS1036, RS1041).
    public sealed class EmptySemanticModelAnalyzer : TorchSharpOnlyAnalyzer
#pragma warning restore RS1001
    {
        public EmptySemanticModelAnalyzer()
            : base("EMPTY005")
        {
        }

        protected override void OnTorchSharp(CompilationStartAnalysisContext start) => start.RegisterSemanticModelAction(_ => { });
    }
}
