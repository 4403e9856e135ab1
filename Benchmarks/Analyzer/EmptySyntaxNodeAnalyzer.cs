using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RnnShapeAnalyzers.Benchmarks.Analyzer
{
    /// <summary>
    /// The earlier baseline, kept for comparison: what RecurrentShapeAnalyzer registered before it moved
    /// to one semantic model action per file (per named type, a symbol-start action with an invocation
    /// syntax-node action, and a symbol-end action), doing nothing in them. Roslyn then walks every
    /// member's syntax and asks for its declared symbols to run the syntax-node action, for every type;
    /// in `dotnet build` of the corpus that alone added 4 to 8 % (Benchmarks/README.md#analyzer).
    /// </summary>
#pragma warning disable RS1001 // Deliberately without [DiagnosticAnalyzer]: that attribute makes it a compiler extension (RS1036, RS1041).
    public sealed class EmptySyntaxNodeAnalyzer : TorchSharpOnlyAnalyzer
#pragma warning restore RS1001
    {
        public EmptySyntaxNodeAnalyzer()
            : base("EMPTY003")
        {
        }

        protected override void OnTorchSharp(CompilationStartAnalysisContext start)
            => start.RegisterSymbolStartAction(
                type =>
                {
                    type.RegisterSyntaxNodeAction(_ => { }, SyntaxKind.InvocationExpression);
                    type.RegisterSymbolEndAction(_ => { });
                },
                SymbolKind.NamedType);
    }
}
