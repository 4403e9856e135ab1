using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RnnShapeAnalyzers.Benchmarks.Analyzer
{
    /// <summary>
    /// The floor under any analyzer that checks a call by its types: registers what RecurrentShapeAnalyzer
    /// registers and, for each <c>.call(</c>/<c>.forward(</c>, asks for its operation (which binds the
    /// method it is in), then does nothing. The analyzer's time above this one is its own work.
    /// </summary>
#pragma warning disable RS1001 // Deliberately without [DiagnosticAnalyzer]: that attribute makes it a compiler extension (RS1036, RS1041).
    public sealed class BindingOnlyAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
#pragma warning disable RS2008 // Release tracking is for shipped analyzers; this one exists only inside the benchmarks.
        private static readonly DiagnosticDescriptor Never = new DiagnosticDescriptor("EMPTY004", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);
#pragma warning restore RS2008

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                if (!ResolveTorchSharp(start.Compilation))
                {
                    return;
                }

                start.RegisterSymbolStartAction(
                    type =>
                    {
                        type.RegisterSyntaxNodeAction(
                            node =>
                            {
                                if (node.Node is Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax { Expression: Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax { Name.Identifier.ValueText: "call" or "forward" } })
                                {
                                    node.SemanticModel.GetOperation(node.Node, node.CancellationToken);
                                }
                            },
                            Microsoft.CodeAnalysis.CSharp.SyntaxKind.InvocationExpression);
                        type.RegisterSymbolEndAction(_ => { });
                    },
                    SymbolKind.NamedType);
            });
        }

        /// <summary>The types the analyzer's TorchSharpSymbols looks up, TorchSharp's and the checked runtime's.</summary>
        private static readonly string[] MetadataNames =
        {
            "TorchSharp.torch", "TorchSharp.torch+nn", "TorchSharp.torch+nn+functional", "TorchSharp.torch+Tensor", "TorchSharp.torch+ScalarType",
            "TorchSharp.torch+nn+utils+rnn", "TorchSharp.torch+nn+utils+rnn+PackedSequence",
            "TorchSharp.Modules.RNN", "TorchSharp.Modules.LSTM", "TorchSharp.Modules.GRU", "TorchSharp.Modules.RNNCell", "TorchSharp.Modules.LSTMCell", "TorchSharp.Modules.GRUCell",
            "TorchSharp.Modules.Embedding", "TorchSharp.Modules.Linear",
            "RnnShapeAnalyzers.Runtime.CheckedNN", "RnnShapeAnalyzers.Runtime.CheckedRNN", "RnnShapeAnalyzers.Runtime.CheckedLSTM", "RnnShapeAnalyzers.Runtime.CheckedGRU",
            "RnnShapeAnalyzers.Runtime.CheckedRNNCell", "RnnShapeAnalyzers.Runtime.CheckedLSTMCell", "RnnShapeAnalyzers.Runtime.CheckedGRUCell",
            "RnnShapeAnalyzers.Runtime.CheckedEmbedding", "RnnShapeAnalyzers.Runtime.CheckedLinear",
        };

        /// <summary>The type lookups the analyzer's compilation start makes; false without TorchSharp.</summary>
        private static bool ResolveTorchSharp(Compilation compilation)
        {
            var found = 0;
            foreach (var name in MetadataNames)
            {
                if (compilation.GetTypeByMetadataName(name) is not null)
                {
                    found++;
                }
            }

            return found > 0 && compilation.GetTypeByMetadataName("TorchSharp.torch+nn") is not null;
        }
    }
}
