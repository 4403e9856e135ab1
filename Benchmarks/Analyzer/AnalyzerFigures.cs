using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace RnnShapeAnalyzers.Benchmarks.Analyzer
{
    /// <summary>
    /// <c>analyzer-figures &lt;directory&gt;</c>: the issue #5 figures from what eng/analyzer-figures.sh
    /// collected there: BenchmarkDotNet's JSON reports (any <c>*-report-full-compressed.json</c> below the
    /// directory), <c>analyzer-time.tsv</c> (<c>analyzer-time --tsv</c>) and <c>build-overhead.env</c>
    /// (eng/build-overhead.sh with SUMMARY). Prints one markdown table against the targets and one of
    /// the long-method scaling; a figure whose input is missing is shown as "n/a".
    /// </summary>
    internal static class AnalyzerFigures
    {
        private const double BuildRatioTarget = 1.02;
        private const double AnalysisRatioTarget = 1.5;
        private const double SingleFileTargetMs = 2.0;

        public static int Run(string[] args)
        {
            if (args.Length < 2 || !Directory.Exists(args[1]))
            {
                Console.Error.WriteLine("usage: analyzer-figures <directory written by eng/analyzer-figures.sh>");
                return 2;
            }

            var directory = args[1];
            var bdn = ReadBenchmarkMedians(directory);
            var (wall, own) = ReadAnalyzerTime(Path.Combine(directory, "analyzer-time.tsv"));
            var build = ReadKeyValues(Path.Combine(directory, "build-overhead.env"));

            Console.WriteLine("| Target (issue #5) | Measured | Target | Met |");
            Console.WriteLine("|-------------------|----------|-------:|-----|");

            var wallRatio = Number(build, "wall_ratio_with");
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "| `dotnet build` of {0} model files, with / without the analyzer: median wall time of {1} builds each after {2} warm-up rounds, compiler server on | **{3}** ({4} s / {5} s); median of the ratios within a round {6}; CPU {7} (within a round {8}) | <= {9:F2} | {10} |",
                Text(build, "files"),
                Text(build, "runs"),
                Text(build, "warmup"),
                Format(wallRatio, "F3"),
                Text(build, "wall_with"),
                Text(build, "wall_without"),
                Text(build, "pair_wall_ratio_with"),
                Text(build, "cpu_ratio_with"),
                Text(build, "pair_cpu_ratio_with"),
                BuildRatioTarget,
                Met(wallRatio, BuildRatioTarget)));
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "| (for reference) the same builds with the floor analyzers: the analyzer's registration doing nothing; binding each call | wall {0} and {1} (within a round {2} and {3}); CPU {4} and {5} | | |",
                Text(build, "wall_ratio_registration"),
                Text(build, "wall_ratio_binding"),
                Text(build, "pair_wall_ratio_registration"),
                Text(build, "pair_wall_ratio_binding"),
                Text(build, "cpu_ratio_registration"),
                Text(build, "cpu_ratio_binding")));

            var corpusBaseline = Lookup(bdn, "AnalyzerOverheadBenchmarks", "Empty");
            var corpusRecurrent = Lookup(bdn, "AnalyzerOverheadBenchmarks", "Recurrent");
            var corpusAgain = Lookup(bdn, "AnalyzerOverheadBenchmarks", "EmptyAgain");
            var corpusEarlier = Lookup(bdn, "AnalyzerOverheadBenchmarks", "EmptySyntaxNode");
            var corpusRatio = corpusRecurrent / corpusBaseline;
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "| Whole-corpus analysis (200 files, binding included), RecurrentShapeAnalyzer / EmptySemanticModelAnalyzer: BenchmarkDotNet medians | **{0}** ({1} ms / {2} ms); the baseline again, measured last: {3} ms; the registrations the analyzer used before (EmptySyntaxNodeAnalyzer): {4} ms | <= {5:F1} | {6} |",
                Format(corpusRatio, "F3"),
                Format(corpusRecurrent, "F0"),
                Format(corpusBaseline, "F0"),
                Format(corpusAgain, "F0"),
                Format(corpusEarlier, "F0"),
                AnalysisRatioTarget,
                Met(corpusRatio, AnalysisRatioTarget)));

            // BenchmarkDotNet medians are in ms here.
            var plainBaseline = Lookup(bdn, "NoTorchSharpBenchmarks", "Empty");
            var plainRecurrent = Lookup(bdn, "NoTorchSharpBenchmarks", "Recurrent");
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "| (for reference) 200 files without TorchSharp: nothing registered beyond compilation start (asserted), so Roslyn compiles nothing for the analyzer; one whole analysis | {0} ms (the baseline, whose lookups do not stop at the first missing type: {1} ms) | | |",
                Format(plainRecurrent, "F3"),
                Format(plainBaseline, "F3")));

            var wallRecurrent = Lookup(wall, "corpus", nameof(RecurrentShapeAnalyzer));
            var wallBaseline = Lookup(wall, "corpus", nameof(EmptySemanticModelAnalyzer));
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "| the same, measured alternately (analyzer-time, median request wall) | **{0}** ({1} ms / {2} ms) | <= {3:F1} | {4} |",
                Format(wallRecurrent / wallBaseline, "F3"),
                Format(wallRecurrent, "F0"),
                Format(wallBaseline, "F0"),
                AnalysisRatioTarget,
                Met(wallRecurrent / wallBaseline, AnalysisRatioTarget)));

            var ownRecurrent = Lookup(own, "corpus", nameof(RecurrentShapeAnalyzer));
            var ownBaseline = Lookup(own, "corpus", nameof(EmptySemanticModelAnalyzer));
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "| (for reference) the same, callbacks only: median analyzer's own time (analyzer-time) | {0} ms vs {1} ms; first analysis in the process (JIT included): {2} ms; in the 200-file build (ReportAnalyzer): {3} s | | |",
                Format(ownRecurrent, "F1"),
                Format(ownBaseline, "F1"),
                Format(Lookup(own, "corpus-first", nameof(RecurrentShapeAnalyzer)), "F0"),
                Text(build, "report_analyzer_seconds")));

            var fileBaseline = Lookup(bdn, "SingleFileBenchmarks", "Empty");
            var fileRecurrent = Lookup(bdn, "SingleFileBenchmarks", "Recurrent");
            var fileAgain = Lookup(bdn, "SingleFileBenchmarks", "EmptyAgain");
            var fileAdded = fileRecurrent - fileBaseline;
            var fileOwn = Lookup(own, "file", nameof(RecurrentShapeAnalyzer));
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "| Model000.cs (about 300 lines) alone inside the compilation: the analyzer's median added time, BenchmarkDotNet (analyzer median - baseline median) | **{0} ms** ({1} ms - {2} ms; the baseline again, measured last: {3} ms) | <= {4:F0} ms | {5} |",
                Format(fileAdded, "F2"),
                Format(fileRecurrent, "F2"),
                Format(fileBaseline, "F2"),
                Format(fileAgain, "F2"),
                SingleFileTargetMs,
                Met(fileAdded, SingleFileTargetMs)));
            var fileWallAdded = Lookup(wall, "file", nameof(RecurrentShapeAnalyzer)) - Lookup(wall, "file", nameof(EmptySemanticModelAnalyzer));
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "| the same, measured alternately (analyzer-time, median request wall - baseline's) | **{0} ms** ({1} ms - {2} ms) | <= {3:F0} ms | {4} |",
                Format(fileWallAdded, "F2"),
                Format(Lookup(wall, "file", nameof(RecurrentShapeAnalyzer)), "F2"),
                Format(Lookup(wall, "file", nameof(EmptySemanticModelAnalyzer)), "F2"),
                SingleFileTargetMs,
                Met(fileWallAdded, SingleFileTargetMs)));
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "| the same, median analyzer's own time (analyzer-time) | **{0} ms** | <= {1:F0} ms | {2} |",
                Format(fileOwn, "F2"),
                SingleFileTargetMs,
                Met(fileOwn, SingleFileTargetMs)));

            Console.WriteLine();
            Console.WriteLine("| One method, N calls on local layers | N = " + string.Join(" | N = ", LongMethodSource.Sizes) + " | growth per step (linear: " + string.Join(", ", Steps(LongMethodSource.Sizes.Select(n => (double)n).ToList())) + ") |");
            Console.WriteLine("|---" + string.Concat(Enumerable.Repeat("|--:", LongMethodSource.Sizes.Count)) + "|---|");
            ScalingRow("baseline, request wall (BenchmarkDotNet median, ms)", LongMethodSource.Sizes.Select(n => Lookup(bdn, "LongMethodScalingBenchmarks", "Empty", n)).ToList());
            ScalingRow("analyzer, every call right, request wall (ms)", LongMethodSource.Sizes.Select(n => Lookup(bdn, "LongMethodScalingBenchmarks", "Recurrent", n)).ToList());
            ScalingRow("analyzer, every call reported, request wall (ms)", LongMethodSource.Sizes.Select(n => Lookup(bdn, "LongMethodScalingBenchmarks", "RecurrentAllWrong", n)).ToList());
            ScalingRow("analyzer, every call right, own time (analyzer-time median, ms)", LongMethodSource.Sizes.Select(n => Lookup(own, "method-" + n.ToString(CultureInfo.InvariantCulture) + "-right", nameof(RecurrentShapeAnalyzer))).ToList());
            ScalingRow("analyzer, every call reported, own time (analyzer-time median, ms)", LongMethodSource.Sizes.Select(n => Lookup(own, "method-" + n.ToString(CultureInfo.InvariantCulture) + "-reported", nameof(RecurrentShapeAnalyzer))).ToList());
            return 0;
        }

        private static void ScalingRow(string what, List<double> values)
            => Console.WriteLine("| " + what + " | " + string.Join(" | ", values.Select(v => Format(v, v < 10 ? "F2" : "F0"))) + " | " + string.Join(", ", Steps(values)) + " |");

        /// <summary>The ratio of each value to the one before it.</summary>
        private static IEnumerable<string> Steps(List<double> values)
            => values.Skip(1).Select((v, i) => Format(v / values[i], "F1") + "x");

        /// <summary>Median per (class, method, parameters), in ms, from every BenchmarkDotNet JSON report below <paramref name="directory"/>.</summary>
        private static Dictionary<string, double> ReadBenchmarkMedians(string directory)
        {
            var medians = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var file in Directory.EnumerateFiles(directory, "*-report-full-compressed.json", SearchOption.AllDirectories))
            {
                using var document = JsonDocument.Parse(File.ReadAllText(file));
                foreach (var benchmark in document.RootElement.GetProperty("Benchmarks").EnumerateArray())
                {
                    if (!benchmark.TryGetProperty("Statistics", out var statistics) || statistics.ValueKind != JsonValueKind.Object)
                    {
                        continue;
                    }

                    var key = Key(benchmark.GetProperty("Type").GetString(), benchmark.GetProperty("Method").GetString(), benchmark.GetProperty("Parameters").GetString());
                    medians[key] = statistics.GetProperty("Median").GetDouble() / 1e6;
                }
            }

            return medians;
        }

        /// <summary>Median request wall and own time per (measurement, analyzer), in ms, from <c>analyzer-time --tsv</c>.</summary>
        private static (Dictionary<string, double> Wall, Dictionary<string, double> Own) ReadAnalyzerTime(string path)
        {
            var wall = new Dictionary<string, double>(StringComparer.Ordinal);
            var own = new Dictionary<string, double>(StringComparer.Ordinal);
            if (!File.Exists(path))
            {
                return (wall, own);
            }

            foreach (var line in File.ReadAllLines(path))
            {
                var fields = line.Split('\t');
                if (fields.Length == 5)
                {
                    wall[Key(fields[0], fields[1], string.Empty)] = double.Parse(fields[3], CultureInfo.InvariantCulture);
                    own[Key(fields[0], fields[1], string.Empty)] = double.Parse(fields[4], CultureInfo.InvariantCulture);
                }
            }

            return (wall, own);
        }

        private static Dictionary<string, string> ReadKeyValues(string path)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!File.Exists(path))
            {
                return values;
            }

            foreach (var line in File.ReadAllLines(path))
            {
                var equals = line.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                {
                    values[line.Substring(0, equals)] = line.Substring(equals + 1);
                }
            }

            return values;
        }

        private static string Key(string? first, string? second, string? parameters) => first + "|" + second + "|" + parameters;

        private static double Lookup(Dictionary<string, double> values, string first, string second, int? calls = null)
            => values.TryGetValue(Key(first, second, calls is int n ? "Calls=" + n.ToString(CultureInfo.InvariantCulture) : string.Empty), out var value) ? value : double.NaN;

        private static double Number(Dictionary<string, string> values, string key)
            => values.TryGetValue(key, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN;

        private static string Text(Dictionary<string, string> values, string key)
            => values.TryGetValue(key, out var text) && text.Length > 0 ? text : "n/a";

        private static string Format(double value, string format) => double.IsNaN(value) || double.IsInfinity(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);

        private static string Met(double value, double target) => double.IsNaN(value) ? "n/a" : value <= target ? "yes" : "**no**";
    }
}
