using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RnnShapeAnalyzers.Benchmarks.Analyzer
{
    /// <summary>
    /// How the analysis of one method grows with the number of recurrent calls in it: a single file
    /// with one method of <see cref="Calls"/> calls on layers held in locals (<see cref="LongMethodSource"/>),
    /// analysed whole. <c>Empty</c> is the baseline (what Roslyn's binding of that method costs, which
    /// grows too); <c>Recurrent</c> runs the analyzer on the method with every call right, and
    /// <c>RecurrentAllWrong</c> on the same method with every call's input one feature too wide, so
    /// that every call is reported. Linear growth is 5x and 4x between the sizes; quadratic is 25x
    /// and 16x. <c>analyzer-time</c> prints the analyzer's own time on the same methods, which this
    /// wall time (binding included) dilutes.
    /// </summary>
    [Config(typeof(NoisyMachineConfig))]
    public class LongMethodScalingBenchmarks
    {
        private CSharpCompilation _right = null!;
        private CSharpCompilation _wrong = null!;
        private EmptySemanticModelAnalyzer _baseline = null!;
        private RecurrentShapeAnalyzer _recurrent = null!;

        [ParamsSource(nameof(Sizes))]
        public int Calls { get; set; }

        public static System.Collections.Generic.IEnumerable<int> Sizes => LongMethodSource.Sizes;

        [GlobalSetup]
        public void Setup()
        {
            _right = LongMethodSource.CreateCompilation(Calls, mistakeEvery: 0);
            _wrong = LongMethodSource.CreateCompilation(Calls, mistakeEvery: 1);
            _baseline = new EmptySemanticModelAnalyzer();
            _recurrent = new RecurrentShapeAnalyzer();
            AnalyzerWorkload.RequireNoErrors(_right);
            AnalyzerWorkload.RequireNoErrors(_wrong);

            if (Analyze(_right, _baseline).Length != 0)
            {
                throw new InvalidOperationException("The empty analyzer reported something.");
            }

            LongMethodSource.RequireExpectedDiagnostics(Analyze(_right, _recurrent), Calls, mistakeEvery: 0);
            LongMethodSource.RequireExpectedDiagnostics(Analyze(_wrong, _recurrent), Calls, mistakeEvery: 1);

            // The JIT's tiers as warm for the baseline, measured first, as for the analyzer; the first
            // case in the process pays for that.
            var first = AnalyzerWorkload.FirstSetupInProcess(nameof(LongMethodScalingBenchmarks));
            AnalyzerWorkload.WarmUpAlternately(
                rounds: first ? 3 : 1,
                minimum: first ? TimeSpan.FromSeconds(10) : TimeSpan.Zero,
                () => Analyze(_right, _baseline),
                () => Analyze(_right, _recurrent),
                () => Analyze(_wrong, _recurrent));
        }

        [Benchmark(Baseline = true, Description = "EmptySemanticModelAnalyzer")]
        public Task<ImmutableArray<Diagnostic>> Empty() => AnalyzeAsync(_right, _baseline);

        [Benchmark(Description = "RecurrentShapeAnalyzer, every call right")]
        public Task<ImmutableArray<Diagnostic>> Recurrent() => AnalyzeAsync(_right, _recurrent);

        [Benchmark(Description = "RecurrentShapeAnalyzer, every call reported")]
        public Task<ImmutableArray<Diagnostic>> RecurrentAllWrong() => AnalyzeAsync(_wrong, _recurrent);

        private static ImmutableArray<Diagnostic> Analyze(Compilation compilation, DiagnosticAnalyzer analyzer)
            => AnalyzeAsync(compilation, analyzer).GetAwaiter().GetResult();

        private static Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation, DiagnosticAnalyzer analyzer)
            => AnalyzerWorkload.WithAnalyzer(compilation, analyzer).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
    }
}
