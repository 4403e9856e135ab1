using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RnnShapeAnalyzers.Benchmarks.Analyzer
{
    /// <summary>
    /// The floor under any analyzer that checks a call on a module's layer by its types: registers what
    /// RecurrentShapeAnalyzer registers (one semantic model action per file), finds the
    /// <c>.call(</c>/<c>.forward(</c> invocations by syntax as it does and asks for each one's operation
    /// (which binds the method it is in), then binds the constructors of the types that make such calls
    /// (where their layers are set), and stops. The analyzer's time above this one is its own work:
    /// evaluating shapes, indexing the locals' writes, checking the rules.
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
                var withCalls = new HashSet<TypeDeclarationSyntax>();
                foreach (var node in file.SemanticModel.SyntaxTree.GetRoot(file.CancellationToken).DescendantNodes())
                {
                    if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "call" or "forward" } or MemberBindingExpressionSyntax { Name.Identifier.ValueText: "call" or "forward" } })
                    {
                        file.SemanticModel.GetOperation(node, file.CancellationToken);
                        if (node.FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } type)
                        {
                            withCalls.Add(type);
                        }
                    }
                }

                foreach (var type in withCalls)
                {
                    foreach (var member in type.Members)
                    {
                        if (member is ConstructorDeclarationSyntax constructor)
                        {
                            file.SemanticModel.GetOperation(constructor, file.CancellationToken);
                        }
                    }
                }
            });
    }
}
