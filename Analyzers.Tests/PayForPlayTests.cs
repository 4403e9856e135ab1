using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
using RnnShapeAnalyzers.Tests.Verifiers;
using Xunit;

namespace RnnShapeAnalyzers.Tests
{
    /// <summary>
    /// Pay for play: on a compilation that does not reference TorchSharp the analyzer registers its
    /// compilation start action and nothing else, so Roslyn never calls it per block or per operation.
    /// Read from the telemetry Roslyn keeps of the actions each analyzer registered, which counts the
    /// actions registered in compilation start as well.
    /// </summary>
    public class PayForPlayTests
    {
        private const string PlainCode = """
            using System;
            using System.Collections.Generic;

            public sealed class Sequences
            {
                private readonly List<int> _items = new List<int>();

                public int Forward(int[] input, int hidden)
                {
                    var total = 0;
                    foreach (var value in input)
                    {
                        total += Math.Max(value, hidden);
                        _items.Add(value);
                    }

                    return total + _items.Count;
                }
            }
            """;

        private const string TorchSharpCode = """
            using TorchSharp;
            using static TorchSharp.torch;

            public static class Model
            {
                public static void Run()
                {
                    var lstm = nn.LSTM(10, 20);
                    var x = torch.randn(5, 3, 10);
                    lstm.call(x);
                }
            }
            """;

        [Fact]
        public async Task WithoutTorchSharpNothingButCompilationStartIsRegistered()
        {
            var telemetry = await TelemetryAsync(new RecurrentShapeAnalyzer(), PlainCode, referenceTorchSharp: false);

            Assert.Equal(1, telemetry.CompilationStartActionsCount);
            Assert.Empty(ActionsBeyondCompilationStart(telemetry));
        }

        [Fact]
        public async Task WithoutTorchSharpEvenTorchSharpLookalikeCodeRegistersNothing()
        {
            // The same source as the TorchSharp case, compiled without TorchSharp: it does not bind, and
            // the analyzer must still not look at it.
            var telemetry = await TelemetryAsync(new RecurrentShapeAnalyzer(), TorchSharpCode, referenceTorchSharp: false);

            Assert.Empty(ActionsBeyondCompilationStart(telemetry));
        }

        [Fact]
        public async Task WithTorchSharpOneSemanticModelActionAndNothingPerNodeIsRegistered()
        {
            var telemetry = await TelemetryAsync(new RecurrentShapeAnalyzer(), TorchSharpCode, referenceTorchSharp: true);

            // One action per file, which finds its calls by syntax: no per-symbol, per-node, per-block or
            // per-operation action (Benchmarks/README.md#analyzer: a symbol-start action with a syntax-node action
            // added 4 to 8 % to a build even when it did nothing).
            Assert.Equal(1, telemetry.CompilationStartActionsCount);
            Assert.Equal(new[] { "SemanticModelActionsCount = 1" }, ActionsBeyondCompilationStart(telemetry));
        }

        /// <summary>
        /// The check above can fail: an analyzer that registers its per-block work without looking for
        /// TorchSharp first is caught by the same telemetry.
        /// </summary>
        [Fact]
        public async Task AnAnalyzerThatRegistersUnconditionallyIsCaught()
        {
            var blockStart = await TelemetryAsync(new UnconditionalAnalyzer(operationAction: false), PlainCode, referenceTorchSharp: false);
            var operation = await TelemetryAsync(new UnconditionalAnalyzer(operationAction: true), PlainCode, referenceTorchSharp: false);

            Assert.Equal(new[] { "OperationBlockStartActionsCount = 1" }, ActionsBeyondCompilationStart(blockStart));
            Assert.Equal(new[] { "OperationActionsCount = 1" }, ActionsBeyondCompilationStart(operation));
        }

        private static async Task<AnalyzerTelemetryInfo> TelemetryAsync(DiagnosticAnalyzer analyzer, string source, bool referenceTorchSharp)
        {
            var references = referenceTorchSharp ? TestReferences.Framework.Add(TestReferences.TorchSharp) : TestReferences.Framework;
            var compilation = CSharpCompilation.Create(
                "PayForPlay",
                new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12)) },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var withAnalyzers = compilation.WithAnalyzers(
                ImmutableArray.Create(analyzer),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));

            // Analyse first, so the compilation start action has run and what it registered is counted.
            var result = await withAnalyzers.GetAnalysisResultAsync(CancellationToken.None);
            Assert.Empty(result.GetAllDiagnostics(analyzer));
            return await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
        }

        /// <summary>Every kind of action other than compilation start with a non-zero count, as "name = count".</summary>
        private static List<string> ActionsBeyondCompilationStart(AnalyzerTelemetryInfo telemetry)
        {
            var counts = new (string Name, int Count)[]
            {
                (nameof(telemetry.CompilationActionsCount), telemetry.CompilationActionsCount),
                (nameof(telemetry.CompilationEndActionsCount), telemetry.CompilationEndActionsCount),
                (nameof(telemetry.SyntaxTreeActionsCount), telemetry.SyntaxTreeActionsCount),
                (nameof(telemetry.AdditionalFileActionsCount), telemetry.AdditionalFileActionsCount),
                (nameof(telemetry.SemanticModelActionsCount), telemetry.SemanticModelActionsCount),
                (nameof(telemetry.SymbolActionsCount), telemetry.SymbolActionsCount),
                (nameof(telemetry.SymbolStartActionsCount), telemetry.SymbolStartActionsCount),
                (nameof(telemetry.SymbolEndActionsCount), telemetry.SymbolEndActionsCount),
                (nameof(telemetry.SyntaxNodeActionsCount), telemetry.SyntaxNodeActionsCount),
                (nameof(telemetry.CodeBlockStartActionsCount), telemetry.CodeBlockStartActionsCount),
                (nameof(telemetry.CodeBlockEndActionsCount), telemetry.CodeBlockEndActionsCount),
                (nameof(telemetry.CodeBlockActionsCount), telemetry.CodeBlockActionsCount),
                (nameof(telemetry.OperationActionsCount), telemetry.OperationActionsCount),
                (nameof(telemetry.OperationBlockStartActionsCount), telemetry.OperationBlockStartActionsCount),
                (nameof(telemetry.OperationBlockEndActionsCount), telemetry.OperationBlockEndActionsCount),
                (nameof(telemetry.OperationBlockActionsCount), telemetry.OperationBlockActionsCount),
                (nameof(telemetry.SuppressionActionsCount), telemetry.SuppressionActionsCount),
            };

            var registered = new List<string>();
            foreach (var (name, count) in counts)
            {
                if (count != 0)
                {
                    registered.Add(name + " = " + count);
                }
            }

            return registered;
        }

        /// <summary>Registers its per-block or per-operation work in compilation start whatever the compilation references.</summary>
#pragma warning disable RS1001 // Deliberately without [DiagnosticAnalyzer]: that attribute makes it a compiler extension (RS1038, RS1041).
        private sealed class UnconditionalAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
        {
#pragma warning disable RS2008 // Release tracking is for shipped analyzers; this one exists only inside a test.
            private static readonly DiagnosticDescriptor Never = new DiagnosticDescriptor("TEST002", "Never reported", "Never reported", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);
#pragma warning restore RS2008

            private readonly bool _operationAction;

            public UnconditionalAnalyzer(bool operationAction) => _operationAction = operationAction;

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

            public override void Initialize(AnalysisContext context)
            {
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.EnableConcurrentExecution();
                context.RegisterCompilationStartAction(start =>
                {
                    if (_operationAction)
                    {
                        start.RegisterOperationAction(_ => { }, OperationKind.Invocation);
                    }
                    else
                    {
                        start.RegisterOperationBlockStartAction(block => block.RegisterOperationAction(_ => { }, OperationKind.Invocation));
                    }
                });
            }
        }
    }
}
