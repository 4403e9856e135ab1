using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RnnShapeAnalyzers.Benchmarks.Analyzer
{
    /// <summary>
    /// One static method with <c>calls</c> recurrent calls on three layers held in locals (an RNN, a
    /// stacked LSTM and a bidirectional GRU, in turn), each call on its own input tensor (and state)
    /// built from constants and locals, so the analyzer proves every shape. With
    /// <c>mistakeEvery</c> &gt; 0, every such call has one feature too many in its input (RNN001). The
    /// workload of <see cref="LongMethodScalingBenchmarks"/>: how the analysis of one method grows with
    /// the number of calls in it.
    /// </summary>
    public static class LongMethodSource
    {
        public const string FileName = "LongMethod.cs";

        /// <summary>The numbers of calls measured: enough range to tell linear growth from quadratic.</summary>
        public static IReadOnlyList<int> Sizes { get; } = new[] { 100, 500, 2000 };

        public static string Generate(int calls, int mistakeEvery)
        {
            var inv = CultureInfo.InvariantCulture;
            var text = new StringBuilder();
            text.Append("using TorchSharp;\n");
            text.Append("using static TorchSharp.torch;\n\n");
            text.Append("namespace Generated.Scaling\n{\n");
            text.Append("    public static class LongMethod\n    {\n");
            text.Append("        public static long Run()\n        {\n");
            text.Append("            const long batch = 4;\n");
            text.Append("            const long steps = 12;\n");
            text.Append("            var features = 16;\n");
            text.Append("            var hidden = 32;\n");
            text.Append("            var rnn = nn.RNN(features, hidden, batchFirst: true);\n");
            text.Append("            var lstm = nn.LSTM(features, hidden, 2, batchFirst: false);\n");
            text.Append("            var gru = nn.GRU(inputSize: features, hiddenSize: hidden, bidirectional: true, batchFirst: true);\n");
            text.Append("            long total = 0;\n");
            for (var k = 0; k < calls; k++)
            {
                var ks = k.ToString(inv);
                var inputFeatures = IsMistake(k, mistakeEvery) ? "features + 1" : "features";
                text.Append('\n');
                switch (k % 3)
                {
                    case 0:
                        text.Append("            var x").Append(ks).Append(" = torch.zeros(batch, steps, ").Append(inputFeatures).Append(");\n");
                        text.Append("            var h").Append(ks).Append(" = torch.zeros(1, batch, hidden);\n");
                        text.Append("            var (y").Append(ks).Append(", hn").Append(ks).Append(") = rnn.call(x").Append(ks).Append(", h").Append(ks).Append(");\n");
                        text.Append("            total += y").Append(ks).Append(".size(-1);\n");
                        break;
                    case 1:
                        text.Append("            var x").Append(ks).Append(" = torch.randn(steps, batch, ").Append(inputFeatures).Append(");\n");
                        text.Append("            var h").Append(ks).Append(" = torch.zeros(2, batch, hidden);\n");
                        text.Append("            var c").Append(ks).Append(" = torch.zeros(2, batch, hidden);\n");
                        text.Append("            var (y").Append(ks).Append(", hn").Append(ks).Append(", cn").Append(ks).Append(") = lstm.call(x").Append(ks).Append(", (h").Append(ks).Append(", c").Append(ks).Append("));\n");
                        text.Append("            total += y").Append(ks).Append(".size(-1) + cn").Append(ks).Append(".size(0);\n");
                        break;
                    default:
                        text.Append("            var x").Append(ks).Append(" = torch.zeros(batch, steps, ").Append(inputFeatures).Append(");\n");
                        text.Append("            var (y").Append(ks).Append(", hn").Append(ks).Append(") = gru.call(x").Append(ks).Append(");\n");
                        text.Append("            total += hn").Append(ks).Append(".size(0);\n");
                        break;
                }
            }

            text.Append("\n            return total;\n");
            text.Append("        }\n    }\n}\n");
            return text.ToString();
        }

        /// <summary>The method in a compilation of its own, against the same references as the corpus.</summary>
        public static CSharpCompilation CreateCompilation(int calls, int mistakeEvery)
            => AnalyzerWorkload.CreateCompilation(new[] { new GeneratedModel(FileName, Generate(calls, mistakeEvery), Array.Empty<string>()) });

        /// <summary>Throws unless the analyzer reported RNN001 on exactly the calls written wrong, and nothing else.</summary>
        public static void RequireExpectedDiagnostics(IEnumerable<Diagnostic> diagnostics, int calls, int mistakeEvery)
        {
            var reported = diagnostics.Select(d => d.Id).ToList();
            var expected = Enumerable.Range(0, calls).Count(k => IsMistake(k, mistakeEvery));
            if (reported.Count != expected || reported.Any(id => id != "RNN001"))
            {
                throw new InvalidOperationException(string.Format(
                    CultureInfo.InvariantCulture,
                    "{0} calls, every {1}th wrong: expected {2} RNN001, the analyzer reported {3}: {4}",
                    calls,
                    mistakeEvery,
                    expected,
                    reported.Count,
                    string.Join(", ", reported.Distinct())));
            }
        }

        private static bool IsMistake(int call, int mistakeEvery) => mistakeEvery > 0 && call % mistakeEvery == mistakeEvery - 1;
    }
}
