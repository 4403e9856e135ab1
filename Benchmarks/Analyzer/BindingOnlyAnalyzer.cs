using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RnnShapeAnalyzers.Benchmarks.Analyzer
{
    /// <summary>
    /// The floor under any analyzer that checks a call on a module's layer by its types: registers what
    /// RecurrentShapeAnalyzer registers (one semantic model action per file), finds the
    /// <c>.call(</c>/<c>.forward(</c> invocations as it does (a search of the text for the two names,
    /// Analyzers/IdentifierSearch.cs, compiled in here too) and asks for each one's operation (which
    /// binds the method it is in, or in a build takes the compiler's bound tree), then binds the
    /// constructors of the types that make such calls (where their layers are set), and stops. The
    /// analyzer's time above this one is its own work: evaluating shapes, indexing the locals' writes,
    /// checking the rules.
    /// </summary>
#pragma warning disable RS1001 // Deliberately without [DiagnosticAnalyzer]: that attribute makes it a compiler extension (RS1036, RS1041).
    public sealed class BindingOnlyAnalyzer : TorchSharpOnlyAnalyzer
#pragma warning restore RS1001
    {
        private static readonly string[] CallNames = { "call", "forward" };

        public BindingOnlyAnalyzer()
            : base("EMPTY004")
        {
        }

        protected override void OnTorchSharp(CompilationStartAnalysisContext start)
            => start.RegisterSemanticModelAction(file =>
            {
                var withCalls = new HashSet<TypeDeclarationSyntax>();
                var root = file.SemanticModel.SyntaxTree.GetRoot(file.CancellationToken);
                foreach (var name in IdentifierSearch.Find(root, CallNames, file.CancellationToken))
                {
                    var invocation = name.Parent?.Parent switch
                    {
                        MemberAccessExpressionSyntax member when member.Name == name.Parent => member.Parent as InvocationExpressionSyntax,
                        MemberBindingExpressionSyntax binding => binding.Parent as InvocationExpressionSyntax,
                        _ => null,
                    };
                    if (invocation is null)
                    {
                        continue;
                    }

                    file.SemanticModel.GetOperation(invocation, file.CancellationToken);
                    if (invocation.FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } type)
                    {
                        withCalls.Add(type);
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
