using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace RnnShapeAnalyzers.Benchmarks.Analyzer
{
    /// <summary>
    /// A project that does not reference TorchSharp: 200 files of ordinary C# (<see cref="PlainCSharpCorpus"/>),
    /// whose methods even call <c>.call(</c> and <c>.forward(</c> on their own types. The analyzer must
    /// cost nothing there: it registers its compilation start action and nothing else (asserted here in
    /// the setup, from Roslyn's telemetry, and by Analyzers.Tests/PayForPlayTests), so the ratio to
    /// <see cref="EmptySemanticModelAnalyzer"/>, which registers nothing either on this compilation, is
    /// the cost of the TorchSharp type lookups in compilation start.
    /// </summary>
    [Config(typeof(NoisyMachineConfig))]
    public class NoTorchSharpBenchmarks
    {
        private CSharpCompilation _compilation = null!;
        private EmptySemanticModelAnalyzer _baseline = null!;
        private RecurrentShapeAnalyzer _recurrent = null!;

        [GlobalSetup]
        public void Setup()
        {
            _compilation = AnalyzerWorkload.CreateCompilation(PlainCSharpCorpus.Generate(), referenceTorchSharp: false);
            _baseline = new EmptySemanticModelAnalyzer();
            _recurrent = new RecurrentShapeAnalyzer();
            if (!AnalyzerWorkload.FirstSetupInProcess(nameof(NoTorchSharpBenchmarks)))
            {
                return;
            }

            AnalyzerWorkload.RequireNoErrors(_compilation);
            var withAnalyzer = AnalyzerWorkload.WithAnalyzer(_compilation, _recurrent, logExecutionTime: true);
            if (withAnalyzer.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult().Length != 0)
            {
                throw new InvalidOperationException("The analyzer reported something in a project without TorchSharp.");
            }

            var telemetry = withAnalyzer.GetAnalyzerTelemetryInfoAsync(_recurrent, CancellationToken.None).GetAwaiter().GetResult();
            if (RegisteredBeyondCompilationStart(telemetry) != 0)
            {
                throw new InvalidOperationException("The analyzer registered actions beyond compilation start in a project without TorchSharp.");
            }

            Console.WriteLine("// no TorchSharp: the analyzer registered its compilation start action and nothing else");
            AnalyzerWorkload.WarmUpAlternately(
                rounds: 3,
                minimum: TimeSpan.FromSeconds(15),
                () => AnalyzeAsync(_baseline).GetAwaiter().GetResult(),
                () => AnalyzeAsync(_recurrent).GetAwaiter().GetResult());
        }

        [Benchmark(Baseline = true, Description = "EmptySemanticModelAnalyzer, 200 plain files")]
        public Task<ImmutableArray<Diagnostic>> Empty() => AnalyzeAsync(_baseline);

        [Benchmark(Description = "RecurrentShapeAnalyzer, 200 plain files")]
        public Task<ImmutableArray<Diagnostic>> Recurrent() => AnalyzeAsync(_recurrent);

        private static int RegisteredBeyondCompilationStart(AnalyzerTelemetryInfo telemetry)
            => new[]
            {
                telemetry.CompilationActionsCount, telemetry.CompilationEndActionsCount, telemetry.SyntaxTreeActionsCount,
                telemetry.SemanticModelActionsCount, telemetry.SymbolActionsCount, telemetry.SymbolStartActionsCount,
                telemetry.SymbolEndActionsCount, telemetry.SyntaxNodeActionsCount, telemetry.CodeBlockStartActionsCount,
                telemetry.CodeBlockEndActionsCount, telemetry.CodeBlockActionsCount, telemetry.OperationActionsCount,
                telemetry.OperationBlockStartActionsCount, telemetry.OperationBlockEndActionsCount, telemetry.OperationBlockActionsCount,
            }.Sum();

        private Task<ImmutableArray<Diagnostic>> AnalyzeAsync(DiagnosticAnalyzer analyzer)
            => AnalyzerWorkload.WithAnalyzer(_compilation, analyzer).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
    }
}
