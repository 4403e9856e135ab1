using System;
using System.Collections.Generic;
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
    /// clone of the compilation, for both analyzers alike. The analyzer's share is the difference of the
    /// two medians (and <c>analyzer-time</c> reports Roslyn's own measure of it).
    /// </summary>
    [Config(typeof(NoisyMachineConfig))]
    public class SingleFileBenchmarks
    {
        private CSharpCompilation _compilation = null!;
        private SyntaxTree _tree = null!;
        private EmptyAnalyzer _empty = null!;
        private RecurrentShapeAnalyzer _recurrent = null!;

        [GlobalSetup]
        public void Setup()
        {
            var models = TorchSharpModelCorpus.Generate();
            _compilation = AnalyzerWorkload.CreateCompilation(models);
            AnalyzerWorkload.RequireNoErrors(_compilation);
            _tree = _compilation.SyntaxTrees.First();
            _empty = new EmptyAnalyzer();
            _recurrent = new RecurrentShapeAnalyzer();

            // Both sides over the whole corpus, then the file alternately for a while, so that what is
            // cached across requests (metadata, declarations) and the JIT's tiers are equally warm for
            // both before BenchmarkDotNet measures the baseline first.
            foreach (var analyzer in new DiagnosticAnalyzer[] { _empty, _recurrent })
            {
                AnalyzerWorkload.WithAnalyzer(_compilation, analyzer).GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
            }

            AnalyzerWorkload.WarmUpAlternately(
                () => AnalyzeFileAsync(_empty).GetAwaiter().GetResult(),
                () => AnalyzeFileAsync(_recurrent).GetAwaiter().GetResult(),
                rounds: 200,
                minimum: TimeSpan.FromSeconds(20));

            if (AnalyzeFileAsync(_empty).GetAwaiter().GetResult().Length != 0)
            {
                throw new InvalidOperationException("The empty analyzer reported something.");
            }

            AnalyzerWorkload.RequireExpectedDiagnostics(AnalyzeFileAsync(_recurrent).GetAwaiter().GetResult(), models.Take(1).ToList());
        }

        [Benchmark(Baseline = true, Description = "EmptyAnalyzer, Model000.cs")]
        public Task<ImmutableArray<Diagnostic>> Empty() => AnalyzeFileAsync(_empty);

        [Benchmark(Description = "RecurrentShapeAnalyzer, Model000.cs")]
        public Task<ImmutableArray<Diagnostic>> Recurrent() => AnalyzeFileAsync(_recurrent);

        /// <summary>The baseline once more, measured last: how far the process drifted while measuring (tiering, GC tuning, load).</summary>
        [Benchmark(Description = "EmptyAnalyzer again, measured last")]
        public Task<ImmutableArray<Diagnostic>> EmptyAgain() => AnalyzeFileAsync(_empty);

        private Task<ImmutableArray<Diagnostic>> AnalyzeFileAsync(DiagnosticAnalyzer analyzer)
        {
            var withAnalyzer = AnalyzerWorkload.WithAnalyzer(_compilation, analyzer);
            return withAnalyzer.GetAnalyzerSemanticDiagnosticsAsync(withAnalyzer.Compilation.GetSemanticModel(_tree), null, CancellationToken.None);
        }
    }
}
