using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace RnnShapeAnalyzers
{
    /// <summary>
    /// Reports the shape rules on <c>call</c>/<c>forward</c> of TorchSharp's recurrent layers and cells,
    /// and of a Linear fed by one, when the shapes it can prove break them.
    /// </summary>
    /// <remarks>
    /// Pay for play: nothing is registered when TorchSharp is not referenced. Per type (a module's
    /// constructor and forward are members of one type), candidate calls are collected with a name check
    /// first; at the end of the type, and only if a candidate was found, they are evaluated: method
    /// bodies are indexed only when a call's operands lead to a local, the type's member writes only
    /// when they lead to a field or property.
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

            context.RegisterSymbolStartAction(
                start =>
                {
                    var type = (INamedTypeSymbol)start.Symbol;
                    var analysis = new TypeShapeAnalysis(type, symbols);
                    start.RegisterOperationBlockStartAction(block =>
                    {
                        // A nested type's members are analysed with the nested type.
                        if (!SymbolEqualityComparer.Default.Equals(block.OwningSymbol.ContainingType, type))
                        {
                            return;
                        }

                        analysis.AddBlocks(block.OperationBlocks);
                        block.RegisterOperationAction(
                            operation =>
                            {
                                var invocation = (IInvocationOperation)operation.Operation;
                                if (invocation.TargetMethod.Name is "call" or "forward" && symbols.IsCheckedCallReceiver(invocation.Instance?.Type))
                                {
                                    analysis.AddCandidate(invocation);
                                }
                            },
                            OperationKind.Invocation);
                    });
                    start.RegisterSymbolEndAction(analysis.Analyze);
                },
                SymbolKind.NamedType);
        }
    }
}
