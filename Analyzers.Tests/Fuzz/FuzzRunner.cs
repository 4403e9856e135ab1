using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace RnnShapeAnalyzers.Tests.Fuzz
{
    /// <summary>
    /// Runs the analyzer, and the fixes where it reports, on every variant, on all cores, and counts
    /// what happened. Each variant is a workspace document whose own tree is compiled and analyzed; a
    /// failure is kept with its variant, so it can be rebuilt from the seed and the mutation.
    /// </summary>
    internal sealed class FuzzRunner
    {
        private int _withDiagnostics;
        private int _diagnostics;
        private int _actions;
        private int _fixes;
        private int _fixAll;

        public ConcurrentQueue<(FuzzVariant Variant, string Failure)> Failures { get; } = new ConcurrentQueue<(FuzzVariant, string)>();

        public int Variants { get; private set; }

        public int WithDiagnostics => _withDiagnostics;

        public int Diagnostics => _diagnostics;

        public int ActionsOffered => _actions;

        public int FixesApplied => _fixes;

        public int FixAllApplied => _fixAll;

        public TimeSpan Elapsed { get; private set; }

        /// <summary>Processor time of the whole test process during the run: what the run costs on an idle machine, times the number of cores.</summary>
        public TimeSpan ProcessorTime { get; private set; }

        public async Task RunAsync(IReadOnlyCollection<FuzzVariant> variants)
        {
            Variants = variants.Count;
            var stopwatch = Stopwatch.StartNew();
            var processorTime = Process.GetCurrentProcess().TotalProcessorTime;
            await Parallel.ForEachAsync(variants, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, (variant, _) => new ValueTask(RunOneAsync(variant)));
            Elapsed = stopwatch.Elapsed;
            ProcessorTime = Process.GetCurrentProcess().TotalProcessorTime - processorTime;
        }

        private async Task RunOneAsync(FuzzVariant variant)
        {
            try
            {
                var document = CodeFixProbe.CreateDocument(variant.Text, variant.Source.IsProgram);
                var tree = (await document.GetSyntaxTreeAsync(CancellationToken.None).ConfigureAwait(false))!;
                var analysis = await AnalyzerProbe.RunAsync(FuzzCompilation.Create(tree, variant.Source.IsProgram), CancellationToken.None).ConfigureAwait(false);
                foreach (var failure in analysis.Failures)
                {
                    Failures.Enqueue((variant, failure));
                }

                if (analysis.Rnn.IsEmpty)
                {
                    return;
                }

                Interlocked.Increment(ref _withDiagnostics);
                Interlocked.Add(ref _diagnostics, analysis.Rnn.Length);
                var run = await CodeFixProbe.RunAsync(document, variant.Source.IsProgram, analysis.Rnn, CancellationToken.None).ConfigureAwait(false);
                Interlocked.Add(ref _actions, run.ActionsOffered);
                Interlocked.Add(ref _fixes, run.FixesApplied);
                Interlocked.Add(ref _fixAll, run.FixAllApplied);
                foreach (var failure in run.Failures)
                {
                    Failures.Enqueue((variant, failure));
                }
            }
            catch (Exception exception)
            {
                Failures.Enqueue((variant, "the run threw " + exception));
            }
        }

        /// <summary>The first failures, each with its variant's text, for an assertion message.</summary>
        public string Report(int seed, int count = 10)
            => $"{Failures.Count} failures in {Failures.Select(f => f.Variant).Distinct().Count()} variants (seed {seed}); the first ones:\n"
                + string.Join("\n", Failures.Take(count).Select(f => $"--- {f.Variant}\n{f.Failure}\n--- variant text:\n{f.Variant.Text}\n"));
    }
}
