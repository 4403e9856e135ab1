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
    /// What the IDE does while one types: one model file (the corpus's largest, Model000.cs, about 300
    /// lines, 6 recurrent layers, 4 probes) analysed alone inside the 200-file compilation with
    /// <c>GetAnalyzerSemanticDiagnosticsAsync(semanticModel, null, ct)</c>. Roslyn keeps the result per
    /// CompilationWithAnalyzers, so each invocation attaches the analyzer afresh to the same, already
    /// compiled compilation; inside the request Roslyn binds that file's method bodies again on its own
    /// clone of the compilation, for every analyzer alike. The analyzer's share is the difference of
    /// its median and the <see cref="EmptySemanticModelAnalyzer"/> baseline's (and <c>analyzer-time</c>
    /// reports Roslyn's own measure of it).
    /// </summary>
    [Config(typeof(NoisyMachineConfig))]
    public class SingleFileBenchmarks
    {
        private CSharpCompilation _compilation = null!;
        private SyntaxTree _tree = null!;
        private EmptySemanticModelAnalyzer _baseline = null!;
        private EmptySyntaxNodeAnalyzer _earlierBaseline = null!;
        private RecurrentShapeAnalyzer _recurrent = null!;

        [GlobalSetup]
        public void Setup()
        {
            var (models, compilation) = AnalyzerWorkload.CompiledCorpus();
            _compilation = compilation;
            _tree = _compilation.SyntaxTrees.First();
            _baseline = new EmptySemanticModelAnalyzer();
            _earlierBaseline = new EmptySyntaxNodeAnalyzer();
            _recurrent = new RecurrentShapeAnalyzer();

            // Once per process (the analyzers' types do not change between cases): every analyzer over the
            // whole corpus, then the file alternately for a while, so that what is cached across requests
            // (metadata, declarations) and the JIT's tiers are equally warm for all before BenchmarkDotNet
            // measures the baseline first; then the empty ones report nothing on the file and the analyzer
            // what the file was written with.
            if (!AnalyzerWorkload.FirstSetupInProcess(nameof(SingleFileBenchmarks)))
            {
                return;
            }

            foreach (var analyzer in new DiagnosticAnalyzer[] { _baseline, _earlierBaseline, _recurrent })
            {
                AnalyzerWorkload.WithAnalyzer(_compilation, analyzer).GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
            }

            AnalyzerWorkload.WarmUpAlternately(
                rounds: 200,
                minimum: TimeSpan.FromSeconds(20),
                () => AnalyzeFileAsync(_baseline).GetAwaiter().GetResult(),
                () => AnalyzeFileAsync(_earlierBaseline).GetAwaiter().GetResult(),
                () => AnalyzeFileAsync(_recurrent).GetAwaiter().GetResult());

            foreach (var empty in new DiagnosticAnalyzer[] { _baseline, _earlierBaseline })
            {
                if (AnalyzeFileAsync(empty).GetAwaiter().GetResult().Length != 0)
                {
                    throw new InvalidOperationException(empty.GetType().Name + " reported something.");
                }
            }

            Console.WriteLine("// " + AnalyzerWorkload.RequireExpectedDiagnostics(AnalyzeFileAsync(_recurrent).GetAwaiter().GetResult(), models.Take(1).ToList()));
        }

        [Benchmark(Baseline = true, Description = "EmptySemanticModelAnalyzer, Model000.cs")]
        public Task<ImmutableArray<Diagnostic>> Empty() => AnalyzeFileAsync(_baseline);

        [Benchmark(Description = "EmptySyntaxNodeAnalyzer (earlier baseline), Model000.cs")]
        public Task<ImmutableArray<Diagnostic>> EmptySyntaxNode() => AnalyzeFileAsync(_earlierBaseline);

        [Benchmark(Description = "RecurrentShapeAnalyzer, Model000.cs")]
        public Task<ImmutableArray<Diagnostic>> Recurrent() => AnalyzeFileAsync(_recurrent);

        /// <summary>The baseline once more, measured last: how far the process drifted while measuring (tiering, GC tuning, load).</summary>
        [Benchmark(Description = "EmptySemanticModelAnalyzer again, measured last")]
        public Task<ImmutableArray<Diagnostic>> EmptyAgain() => AnalyzeFileAsync(_baseline);

        private Task<ImmutableArray<Diagnostic>> AnalyzeFileAsync(DiagnosticAnalyzer analyzer)
        {
            var withAnalyzer = AnalyzerWorkload.WithAnalyzer(_compilation, analyzer);
            return withAnalyzer.GetAnalyzerSemanticDiagnosticsAsync(withAnalyzer.Compilation.GetSemanticModel(_tree), null, CancellationToken.None);
        }
    }
}
