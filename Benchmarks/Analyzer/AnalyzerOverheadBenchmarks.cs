using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RnnShapeAnalyzers.Benchmarks.Analyzer
{
    /// <summary>
    /// RecurrentShapeAnalyzer against <see cref="EmptyAnalyzer"/> over the whole generated corpus
    /// (200 TorchSharp model files): one full analysis per invocation, as a command-line build or a
    /// full-solution analysis runs it. The setup compiles the corpus once (metadata read, declarations
    /// built, JIT warm) and runs both analyzers once; each invocation then attaches the analyzer to that
    /// same compilation. Roslyn 4.x analyses a fresh clone of the compilation for every request, so each
    /// invocation binds the method bodies again, for both analyzers alike (and the setup runs both
    /// alternately first so that the JIT has compiled Roslyn's and the analyzer's code equally far): the ratio is of total analysis
    /// time, binding included, the way a build pays for it. The analyzer's own callback time, which this
    /// ratio dilutes, is measured by <c>analyzer-time</c> (see README).
    /// </summary>
    [Config(typeof(NoisyMachineConfig))]
    public class AnalyzerOverheadBenchmarks
    {
        private IReadOnlyList<GeneratedModel> _models = null!;
        private CSharpCompilation _compilation = null!;
        private EmptyAnalyzer _empty = null!;
        private RecurrentShapeAnalyzer _recurrent = null!;

        [GlobalSetup]
        public void Setup()
        {
            _models = TorchSharpModelCorpus.Generate();
            _compilation = AnalyzerWorkload.CreateCompilation(_models);
            AnalyzerWorkload.RequireNoErrors(_compilation);
            _empty = new EmptyAnalyzer();
            _recurrent = new RecurrentShapeAnalyzer();

            if (AnalyzeAsync(_empty).GetAwaiter().GetResult().Length != 0)
            {
                throw new InvalidOperationException("The empty analyzer reported something.");
            }

            AnalyzerWorkload.RequireExpectedDiagnostics(AnalyzeAsync(_recurrent).GetAwaiter().GetResult(), _models);

            // The JIT's tiers equally warm for both before the baseline is measured first.
            AnalyzerWorkload.WarmUpAlternately(
                () => AnalyzeAsync(_empty).GetAwaiter().GetResult(),
                () => AnalyzeAsync(_recurrent).GetAwaiter().GetResult(),
                rounds: 3,
                minimum: TimeSpan.FromSeconds(30));
        }

        [Benchmark(Baseline = true, Description = "EmptyAnalyzer, 200 files")]
        public Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> Empty() => AnalyzeAsync(_empty);

        [Benchmark(Description = "RecurrentShapeAnalyzer, 200 files")]
        public Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> Recurrent() => AnalyzeAsync(_recurrent);

        /// <summary>The baseline once more, measured last: how far the process drifted while measuring (tiering, GC tuning, load).</summary>
        [Benchmark(Description = "EmptyAnalyzer again, measured last")]
        public Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> EmptyAgain() => AnalyzeAsync(_empty);

        private Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> AnalyzeAsync(DiagnosticAnalyzer analyzer)
            => AnalyzerWorkload.WithAnalyzer(_compilation, analyzer).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
    }
}
