using System;
using System.IO;
using BenchmarkDotNet.Running;
using RnnShapeAnalyzers.Benchmarks.Analyzer;

namespace RnnShapeAnalyzers.Benchmarks
{
    internal static class Program
    {
        private static int Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "generate-models")
            {
                return GenerateModels(args);
            }

            if (args.Length > 0 && args[0] == "analyzer-time")
            {
                return AnalyzerTime.Run(args);
            }

            if (args.Length > 0 && args[0] == "analyzer-loop")
            {
                return AnalyzerLoop.Run(args);
            }

            if (args.Length > 0 && args[0] == "analyzer-figures")
            {
                return AnalyzerFigures.Run(args);
            }

            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
            return 0;
        }

        /// <summary>
        /// <c>generate-models &lt;directory&gt; [count]</c>: writes the analyzer benchmarks' model corpus as
        /// .cs files (eng/build-overhead.sh builds them as a project).
        /// </summary>
        private static int GenerateModels(string[] args)
        {
            if (args.Length < 2)
            {
                Console.Error.WriteLine("usage: generate-models <directory> [count]");
                return 2;
            }

            var count = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : TorchSharpModelCorpus.DefaultFileCount;
            Directory.CreateDirectory(args[1]);
            var expected = 0;
            foreach (var model in TorchSharpModelCorpus.Generate(count))
            {
                File.WriteAllText(Path.Combine(args[1], model.FileName), model.Text);
                expected += model.ExpectedDiagnostics.Count;
            }

            // Only the mistakes written into locals-only methods are counted: an analyzer that also follows
            // fields may report more, and build-overhead.sh prints what it did report.
            Console.WriteLine($"{count} model files in {args[1]}; {expected} mistakes written into locals-only methods, which the analyzer should report");
            return 0;
        }
    }
}
