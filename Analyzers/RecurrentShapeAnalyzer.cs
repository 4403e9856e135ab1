using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RnnShapeAnalyzers
{
    /// <summary>
    /// Reports the shape rules on <c>call</c>/<c>forward</c> of TorchSharp's recurrent layers and cells,
    /// and of a Linear fed by one, when the shapes it can prove break them.
    /// </summary>
    /// <remarks>
    /// Pay for play: nothing is registered when TorchSharp is not referenced, and with it one semantic
    /// model action, the registration that costs a build least (Benchmarks/README.md#analyzer: a symbol-start
    /// action with a syntax-node action, doing nothing, added 4 to 8 % to a build of the benchmark
    /// corpus; a semantic model action, nothing measurable). Per file, calls are found by a search of the
    /// text for their names (<see cref="CandidateCalls"/>; a walk of every node cost more than the rest of
    /// finding and binding them), so a method without <c>.call(</c> or <c>.forward(</c> is never
    /// bound for this analyzer, and grouped by the type whose member makes them (a module's constructor
    /// and forward are members of one type). Only then are they evaluated: method bodies are indexed
    /// only when a call's operands lead to a local, the type's member writes only when they lead to a
    /// field or property.
    /// </remarks>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RecurrentShapeAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Descriptors.All;

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var symbols = TorchSharpSymbols.TryCreate(context.Compilation);
            if (symbols is null)
            {
                return;
            }

            context.RegisterSemanticModelAction(file => AnalyzeFile(file, symbols));
        }

        private static void AnalyzeFile(SemanticModelAnalysisContext context, TorchSharpSymbols symbols)
        {
            var model = context.SemanticModel;
            var tree = model.SyntaxTree;
            var cancellationToken = context.CancellationToken;
            var byType = new Dictionary<INamedTypeSymbol, TypeShapeAnalysis>(SymbolEqualityComparer.Default);
            var types = new List<TypeShapeAnalysis>();
            CandidateCalls.Collect(
                tree.GetRoot(cancellationToken),
                model,
                symbols,
                (type, call) =>
                {
                    if (!byType.TryGetValue(type, out var analysis))
                    {
                        analysis = new TypeShapeAnalysis(type, symbols);
                        byType.Add(type, analysis);
                        types.Add(analysis);
                    }

                    analysis.AddCandidate(call, model);
                },
                cancellationToken);

            // In the order the types' first calls appear.
            foreach (var analysis in types)
            {
                // A partial type's calls in its other files count too (a fix's verdict looks at every
                // call of a layer); their diagnostics are reported by those files' own actions.
                analysis.AddCandidatesOfOtherFiles(tree, context.SemanticModel.Compilation, cancellationToken);
                analysis.Analyze(
                    context.SemanticModel.Compilation,
                    diagnostic =>
                    {
                        if (diagnostic.Location.SourceTree == tree)
                        {
                            context.ReportDiagnostic(diagnostic);
                        }
                    },
                    cancellationToken);
            }
        }
    }
}
