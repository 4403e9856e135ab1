using System;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RnnShapeAnalyzers.Benchmarks.Analyzer
{
    /// <summary>
    /// RecurrentShapeAnalyzer against <see cref="EmptySemanticModelAnalyzer"/> (the baseline of the
    /// reported ratio) and <see cref="EmptySyntaxNodeAnalyzer"/> (the earlier baseline) over the
    /// whole generated corpus (200 TorchSharp model files): one full analysis per invocation, as a
    /// command-line build or a full-solution analysis runs it. The corpus is compiled once per process
    /// (metadata read, declarations built) and every analyzer has run on it before anything is measured;
    /// each invocation then attaches the analyzer to that same compilation. Roslyn 4.x analyses a fresh
    /// clone of the compilation for every request, so each invocation binds the method bodies again,
    /// for every analyzer alike (and the setup runs them alternately first so that the JIT has compiled
    /// Roslyn's and the analyzer's code equally far): the ratio is of total analysis time, binding
    /// included, the way a build pays for it. The analyzer's own callback time, which this ratio
    /// dilutes, is measured by <c>analyzer-time</c> (see README).
    /// </summary>
    [Config(typeof(NoisyMachineConfig))]
    public class AnalyzerOverheadBenchmarks
    {
        private CSharpCompilation _compilation = null!;
        private EmptySemanticModelAnalyzer _baseline = null!;
        private EmptySyntaxNodeAnalyzer _earlierBaseline = null!;
        private RecurrentShapeAnalyzer _recurrent = null!;

        [GlobalSetup]
        public void Setup()
        {
            var (models, compilation) = AnalyzerWorkload.CompiledCorpus();
            _compilation = compilation;
            _baseline = new EmptySemanticModelAnalyzer();
            _earlierBaseline = new EmptySyntaxNodeAnalyzer();
            _recurrent = new RecurrentShapeAnalyzer();

            // Once per process (the analyzers' types do not change between cases): the empty ones report
            // nothing, the analyzer reports what the corpus was written with, and the JIT's tiers are
            // equally warm for all before the baseline is measured first.
            if (!AnalyzerWorkload.FirstSetupInProcess(nameof(AnalyzerOverheadBenchmarks)))
            {
                return;
            }

            foreach (var empty in new DiagnosticAnalyzer[] { _baseline, _earlierBaseline })
            {
                if (AnalyzeAsync(empty).GetAwaiter().GetResult().Length != 0)
                {
                    throw new InvalidOperationException(empty.GetType().Name + " reported something.");
                }
            }

            Console.WriteLine("// " + AnalyzerWorkload.RequireExpectedDiagnostics(AnalyzeAsync(_recurrent).GetAwaiter().GetResult(), models));
            AnalyzerWorkload.WarmUpAlternately(
                rounds: 3,
                minimum: TimeSpan.FromSeconds(30),
                () => AnalyzeAsync(_baseline).GetAwaiter().GetResult(),
                () => AnalyzeAsync(_earlierBaseline).GetAwaiter().GetResult(),
                () => AnalyzeAsync(_recurrent).GetAwaiter().GetResult());
        }

        [Benchmark(Baseline = true, Description = "EmptySemanticModelAnalyzer, 200 files")]
        public Task<ImmutableArray<Diagnostic>> Empty() => AnalyzeAsync(_baseline);

        [Benchmark(Description = "EmptySyntaxNodeAnalyzer (earlier baseline), 200 files")]
        public Task<ImmutableArray<Diagnostic>> EmptySyntaxNode() => AnalyzeAsync(_earlierBaseline);

        [Benchmark(Description = "RecurrentShapeAnalyzer, 200 files")]
        public Task<ImmutableArray<Diagnostic>> Recurrent() => AnalyzeAsync(_recurrent);

        /// <summary>The baseline once more, measured last: how far the process drifted while measuring (tiering, GC tuning, load).</summary>
        [Benchmark(Description = "EmptySemanticModelAnalyzer again, measured last")]
        public Task<ImmutableArray<Diagnostic>> EmptyAgain() => AnalyzeAsync(_baseline);

        private Task<ImmutableArray<Diagnostic>> AnalyzeAsync(DiagnosticAnalyzer analyzer)
            => AnalyzerWorkload.WithAnalyzer(_compilation, analyzer).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
    }
}
