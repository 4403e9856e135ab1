using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace RnnShapeAnalyzers.Benchmarks.Analyzer
{
    /// <summary>
    /// A deterministic corpus of ordinary C# without TorchSharp, the size of the model corpus (200 files
    /// of about 250 lines): per file a pipeline class whose stages are held in fields set in its
    /// constructor and invoked with <c>stage.call(...)</c> and <c>stage.forward(...)</c> (the names the
    /// analyzer's syntax filter looks for), with loops, LINQ, string building and arithmetic around them.
    /// </summary>
    public static class PlainCSharpCorpus
    {
        public static IReadOnlyList<GeneratedModel> Generate(int fileCount = TorchSharpModelCorpus.DefaultFileCount)
        {
            var files = new List<GeneratedModel>(fileCount);
            for (var i = 0; i < fileCount; i++)
            {
                files.Add(new GeneratedModel("Pipeline" + i.ToString("D3", CultureInfo.InvariantCulture) + ".cs", GenerateOne(i), Array.Empty<string>()));
            }

            return files;
        }

        private static string GenerateOne(int index)
        {
            var random = new Random(7919 * (index + 1));
            var name = "Pipeline" + index.ToString("D3", CultureInfo.InvariantCulture);
            var stages = 3 + random.Next(4);
            var text = new StringBuilder();
            text.Append("using System;\nusing System.Collections.Generic;\nusing System.Linq;\nusing System.Text;\n\n");
            text.Append("namespace Plain.Pipelines\n{\n");
            text.Append("    public sealed class ").Append(name).Append("\n    {\n");
            text.Append("        private sealed class Stage\n        {\n");
            text.Append("            private readonly int _width;\n            public Stage(int width) => _width = width;\n");
            text.Append("            public double[] call(double[] input) => input.Select(v => v * _width).ToArray();\n");
            text.Append("            public double[] forward(double[] input, double scale) => input.Select(v => v * scale + _width).ToArray();\n");
            text.Append("        }\n\n");
            for (var s = 0; s < stages; s++)
            {
                text.Append("        private readonly Stage _stage").Append(s).Append(";\n");
            }

            text.Append("        private readonly List<string> _log = new List<string>();\n\n");
            text.Append("        public ").Append(name).Append("(int width)\n        {\n");
            for (var s = 0; s < stages; s++)
            {
                text.Append("            _stage").Append(s).Append(" = new Stage(width + ").Append(random.Next(1, 64)).Append(");\n");
            }

            text.Append("        }\n\n");
            text.Append("        public double[] Run(double[] input)\n        {\n            var x = input;\n");
            for (var s = 0; s < stages; s++)
            {
                text.Append(random.Next(2) == 0
                    ? "            x = _stage" + s + ".call(x);\n"
                    : "            x = _stage" + s + ".forward(x, " + (random.Next(1, 9) / 4.0).ToString(CultureInfo.InvariantCulture) + ");\n");
                text.Append("            _log.Add(\"stage " + s + ": \" + x.Length);\n");
            }

            text.Append("            return x;\n        }\n\n");
            var helpers = 8 + random.Next(5);
            for (var h = 0; h < helpers; h++)
            {
                text.Append("        public static int Helper").Append(h).Append("(IReadOnlyList<int> values, int threshold)\n        {\n");
                text.Append("            var total = 0;\n            var text = new StringBuilder();\n");
                text.Append("            foreach (var value in values)\n            {\n");
                text.Append("                if (value > threshold + ").Append(random.Next(10)).Append(")\n                {\n");
                text.Append("                    total += value * ").Append(random.Next(1, 5)).Append(";\n");
                text.Append("                    text.Append(value).Append(',');\n                }\n            }\n\n");
                text.Append("            var top = values.Where(v => v % ").Append(random.Next(2, 7)).Append(" == 0).OrderByDescending(v => v).Take(3).ToList();\n");
                text.Append("            return total + top.Sum() + text.Length;\n        }\n\n");
            }

            text.Append("        public override string ToString() => string.Join(Environment.NewLine, _log);\n");
            text.Append("    }\n}\n");
            return text.ToString();
        }
    }
}
