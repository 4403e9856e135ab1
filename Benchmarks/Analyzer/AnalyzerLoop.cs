using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;

namespace RnnShapeAnalyzers.Benchmarks.Analyzer
{
    /// <summary>
    /// <c>analyzer-loop [seconds]</c>: analyses the whole corpus with RecurrentShapeAnalyzer alone, again
    /// and again, on one thread, for a profiler to sample, for instance
    /// <c>dotnet-trace collect --profile cpu-sampling -- dotnet Benchmarks.dll analyzer-loop 60</c>
    /// then <c>dotnet-trace report trace.nettrace topN --inclusive</c>. Each round binds anew, as a
    /// build does, so the samples show the analyzer's own work next to the binding it asks for.
    /// </summary>
    internal static class AnalyzerLoop
    {
        public static int Run(string[] args)
        {
            var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 30;
            var (models, corpus) = AnalyzerWorkload.CompiledCorpus();
            var compilation = corpus.WithOptions(corpus.Options.WithConcurrentBuild(false));
            var analyzer = new RecurrentShapeAnalyzer();
            var diagnostics = AnalyzerWorkload.WithAnalyzer(compilation, analyzer, concurrent: false).GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
            Console.WriteLine(AnalyzerWorkload.RequireExpectedDiagnostics(diagnostics, models));

            var rounds = 0;
            var stopwatch = Stopwatch.StartNew();
            while (stopwatch.Elapsed.TotalSeconds < seconds)
            {
                AnalyzerWorkload.WithAnalyzer(compilation, analyzer, concurrent: false).GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
                rounds++;
            }

            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0} rounds in {1:F1} s: {2:F1} ms a round", rounds, stopwatch.Elapsed.TotalSeconds, stopwatch.Elapsed.TotalMilliseconds / rounds));
            return 0;
        }
    }
}
