using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RnnShapeAnalyzers.Benchmarks.Analyzer
{
    /// <summary>
    /// The floor under any analyzer that checks a call by its types: registers what RecurrentShapeAnalyzer
    /// registers (one semantic model action per file), finds the <c>.call(</c>/<c>.forward(</c>
    /// invocations by syntax as it does, asks for each one's operation (which binds the method it is in),
    /// and stops. The analyzer's time above this one is its own work: evaluating shapes, indexing the
    /// locals' writes, and binding the constructors that set the layers' fields.
    /// </summary>
#pragma warning disable RS1001 // Deliberately without [DiagnosticAnalyzer]: that attribute makes it a compiler extension (RS1036, RS1041).
    public sealed class BindingOnlyAnalyzer : TorchSharpOnlyAnalyzer
#pragma warning restore RS1001
    {
        public BindingOnlyAnalyzer()
            : base("EMPTY004")
        {
        }

        protected override void OnTorchSharp(CompilationStartAnalysisContext start)
            => start.RegisterSemanticModelAction(file =>
            {
                foreach (var node in file.SemanticModel.SyntaxTree.GetRoot(file.CancellationToken).DescendantNodes())
                {
                    if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "call" or "forward" } })
                    {
                        file.SemanticModel.GetOperation(node, file.CancellationToken);
                    }
                }
            });
    }
}
