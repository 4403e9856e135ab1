using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RnnShapeAnalyzers.Benchmarks.Analyzer
{
    /// <summary>
    /// <c>analyzer-loop [seconds]</c>: analyses the whole corpus with RecurrentShapeAnalyzer alone, again
    /// and again, on one thread, for a profiler to sample, for instance
    /// <c>dotnet-trace collect --profile dotnet-sampled-thread-time -- dotnet Benchmarks.dll analyzer-loop 60</c>
    /// then <c>dotnet-trace report trace.nettrace topN --inclusive</c>. Each round binds anew, as a
    /// build does. First it prints what one whole-corpus analysis allocates with each of
    /// <see cref="EmptySemanticModelAnalyzer"/>, <see cref="BindingOnlyAnalyzer"/> and the analyzer
    /// and the process's CPU time (medians of 5, one thread): allocations turn into the garbage collector's CPU time in a build,
    /// which the analyzer's own callback time does not show.
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

            foreach (var measured in new DiagnosticAnalyzer[] { new EmptySemanticModelAnalyzer(), new BindingOnlyAnalyzer(), analyzer })
            {
                var allocated = new long[5];
                var milliseconds = new double[5];
                for (var i = 0; i < allocated.Length; i++)
                {
                    var before = GC.GetTotalAllocatedBytes(precise: true);
                    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                    AnalyzerWorkload.WithAnalyzer(compilation, measured, concurrent: false).GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
                    milliseconds[i] = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
                    allocated[i] = GC.GetTotalAllocatedBytes(precise: true) - before;
                }

                Array.Sort(allocated);
                Array.Sort(milliseconds);
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-28} allocates {1,8:F1} MB and uses {2,7:F0} ms of CPU per whole-corpus analysis (binding included; medians of 5)", measured.GetType().Name, allocated[2] / 1e6, milliseconds[2]));
            }

            var rounds = 0;
            var stopwatch = Stopwatch.StartNew();
            while (stopwatch.Elapsed.TotalSeconds < seconds)
            {
                AnalyzerWorkload.WithAnalyzer(compilation, analyzer, concurrent: false).GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
                rounds++;
            }

            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0} rounds in {1:F1} s: {2:F1} ms a round", rounds, stopwatch.Elapsed.TotalSeconds, stopwatch.Elapsed.TotalMilliseconds / Math.Max(1, rounds)));
            return 0;
        }
    }
}
