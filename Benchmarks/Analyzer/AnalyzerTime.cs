using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RnnShapeAnalyzers.Benchmarks.Analyzer
{
    /// <summary>
    /// <c>analyzer-time [fullRounds] [fileRounds] [scalingRounds] [--sequential] [--tsv file]</c>: each analyzer's own time as Roslyn
    /// measures it (<c>logAnalyzerExecutionTime</c>, the figure <c>-p:ReportAnalyzer=true</c> prints in a
    /// build), i.e. the wall time spent inside its callbacks, without the binding that
    /// <see cref="AnalyzerOverheadBenchmarks"/> and <see cref="SingleFileBenchmarks"/> include. Same corpus
    /// and setup as those; the two empty analyzers and the recurrent one alternate; medians are printed.
    /// By default the compilation binds on several threads and the analyzers run concurrently, as in a
    /// build; on a 2-core machine callbacks then wait for a core and their wall time grows with the load.
    /// <c>--sequential</c> binds and analyses on one thread each, which brings the figure close to the
    /// analyzer's CPU time. Last, the methods of <see cref="LongMethodScalingBenchmarks"/> (one method,
    /// 100 to 2000 calls, every call right or every call reported), where the analyzer's own time shows
    /// how it grows with the calls in one method better than the benchmark's wall time can.
    /// <c>--tsv</c> also writes the medians to a file, one line per measurement (key, analyzer, rounds,
    /// request wall, own time, in ms), for <c>analyzer-figures</c>.
    /// </summary>
    internal static class AnalyzerTime
    {
        public static int Run(string[] args)
        {
            var numbers = new List<string>();
            var sequential = false;
            string? tsvPath = null;
            for (var i = 1; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--sequential":
                        sequential = true;
                        break;
                    case "--tsv" when i + 1 < args.Length:
                        tsvPath = args[++i];
                        break;
                    default:
                        numbers.Add(args[i]);
                        break;
                }
            }

            var tsv = new List<string>();
            var fullRounds = numbers.Count > 0 ? int.Parse(numbers[0], CultureInfo.InvariantCulture) : 10;
            var fileRounds = numbers.Count > 1 ? int.Parse(numbers[1], CultureInfo.InvariantCulture) : 100;
            var scalingRounds = numbers.Count > 2 ? int.Parse(numbers[2], CultureInfo.InvariantCulture) : 5;

            var models = TorchSharpModelCorpus.Generate();
            var compilation = AnalyzerWorkload.CreateCompilation(models);
            if (sequential)
            {
                compilation = compilation.WithOptions(compilation.Options.WithConcurrentBuild(false));
            }

            AnalyzerWorkload.RequireNoErrors(compilation);
            var tree = compilation.SyntaxTrees.First();
            var analyzers = new DiagnosticAnalyzer[] { new EmptySemanticModelAnalyzer(), new EmptySyntaxNodeAnalyzer(), new BindingOnlyAnalyzer(), new RecurrentShapeAnalyzer() };
            Console.WriteLine($"corpus: {models.Count} files, {models.Sum(m => m.LineCount)} lines; single file {models[0].FileName}, {models[0].LineCount} lines; {(sequential ? "sequential" : "concurrent")} analysis");

            // Warm-up (metadata, the JIT's tiers) for both, and the diagnostics check. The first analysis
            // in the process is what a build without the compiler server pays: the analyzer's code is
            // compiled by the JIT while it runs.
            Console.WriteLine("first whole-corpus analysis in this process (JIT included), in ms:");
            foreach (var analyzer in analyzers)
            {
                var stopwatch = Stopwatch.StartNew();
                var withAnalyzer = Attach(compilation, analyzer, !sequential);
                var diagnostics = withAnalyzer.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
                var wall = stopwatch.Elapsed;
                if (analyzer is RecurrentShapeAnalyzer)
                {
                    Console.WriteLine("  " + AnalyzerWorkload.RequireExpectedDiagnostics(diagnostics, models));
                }

                var own = withAnalyzer.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime;
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,-28} request wall {1,9:F3}   analyzer's own time {2,9:F3}", analyzer.GetType().Name, wall.TotalMilliseconds, own.TotalMilliseconds));
                tsv.Add(string.Join("\t", "corpus-first", analyzer.GetType().Name, "1", wall.TotalMilliseconds.ToString("F3", CultureInfo.InvariantCulture), own.TotalMilliseconds.ToString("F3", CultureInfo.InvariantCulture)));
            }

            AnalyzerWorkload.WarmUpAlternately(
                rounds: 200,
                minimum: TimeSpan.FromSeconds(20),
                analyzers.Select(a => (Action)(() => AnalyzeFile(compilation, tree, a, !sequential))).ToArray());

            Report(tsv, "corpus", "whole corpus", fullRounds, analyzers, analyzer => AnalyzeAll(compilation, analyzer, !sequential));
            Report(tsv, "file", models[0].FileName + " alone", fileRounds, analyzers, analyzer => AnalyzeFile(compilation, tree, analyzer, !sequential));

            var baseline = analyzers[0];
            var recurrent = analyzers[analyzers.Length - 1];
            foreach (var calls in LongMethodSource.Sizes)
            {
                foreach (var mistakeEvery in new[] { 0, 1 })
                {
                    var method = LongMethodSource.CreateCompilation(calls, mistakeEvery);
                    if (sequential)
                    {
                        method = method.WithOptions(method.Options.WithConcurrentBuild(false));
                    }

                    AnalyzerWorkload.RequireNoErrors(method);
                    var what = string.Format(CultureInfo.InvariantCulture, "one method, {0} calls, {1}", calls, mistakeEvery == 0 ? "every call right" : "every call reported");
                    var key = string.Format(CultureInfo.InvariantCulture, "method-{0}-{1}", calls, mistakeEvery == 0 ? "right" : "reported");
                    var measured = mistakeEvery == 0 ? new[] { baseline, recurrent } : new[] { recurrent };
                    Report(tsv, key, what, scalingRounds, measured, analyzer => AnalyzeAll(method, analyzer, !sequential));
                }
            }

            if (tsvPath is not null)
            {
                System.IO.File.WriteAllLines(tsvPath, tsv);
            }

            return 0;
        }

        private static void Report(List<string> tsv, string key, string what, int rounds, DiagnosticAnalyzer[] analyzers, Func<DiagnosticAnalyzer, (TimeSpan Wall, TimeSpan Own)> analyze)
        {
            var wall = analyzers.ToDictionary(a => a, _ => new List<double>());
            var own = analyzers.ToDictionary(a => a, _ => new List<double>());
            for (var round = 0; round < rounds; round++)
            {
                foreach (var analyzer in analyzers)
                {
                    var (w, o) = analyze(analyzer);
                    wall[analyzer].Add(w.TotalMilliseconds);
                    own[analyzer].Add(o.TotalMilliseconds);
                }
            }

            Console.WriteLine($"{what}, {rounds} rounds, median (min..max) in ms:");
            foreach (var analyzer in analyzers)
            {
                Console.WriteLine($"  {analyzer.GetType().Name,-28} request wall {Describe(wall[analyzer])}   analyzer's own time {Describe(own[analyzer])}");
                tsv.Add(string.Join("\t", key, analyzer.GetType().Name, rounds.ToString(CultureInfo.InvariantCulture), Median(wall[analyzer]).ToString("F3", CultureInfo.InvariantCulture), Median(own[analyzer]).ToString("F3", CultureInfo.InvariantCulture)));
            }
        }

        private static CompilationWithAnalyzers Attach(Compilation compilation, DiagnosticAnalyzer analyzer, bool concurrent)
            => compilation.WithAnalyzers(
                ImmutableArray.Create(analyzer),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: concurrent, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));

        private static (TimeSpan Wall, TimeSpan Own) AnalyzeAll(Compilation compilation, DiagnosticAnalyzer analyzer, bool concurrent)
        {
            var stopwatch = Stopwatch.StartNew();
            var withAnalyzer = Attach(compilation, analyzer, concurrent);
            withAnalyzer.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
            var wall = stopwatch.Elapsed;
            return (wall, withAnalyzer.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime);
        }

        private static (TimeSpan Wall, TimeSpan Own) AnalyzeFile(CSharpCompilation compilation, SyntaxTree tree, DiagnosticAnalyzer analyzer, bool concurrent)
        {
            var stopwatch = Stopwatch.StartNew();
            var withAnalyzer = Attach(compilation, analyzer, concurrent);
            withAnalyzer.GetAnalyzerSemanticDiagnosticsAsync(withAnalyzer.Compilation.GetSemanticModel(tree), null, CancellationToken.None).GetAwaiter().GetResult();
            var wall = stopwatch.Elapsed;
            return (wall, withAnalyzer.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime);
        }

        private static string Describe(List<double> values)
            => string.Format(CultureInfo.InvariantCulture, "{0,9:F3} ({1:F3}..{2:F3})", Median(values), values.Min(), values.Max());

        private static double Median(List<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }
}
