using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace RnnShapeAnalyzers.Benchmarks.Analyzer
{
    /// <summary>One generated model file and the analyzer diagnostics it was written to produce.</summary>
    public sealed class GeneratedModel
    {
        public GeneratedModel(string fileName, string text, IReadOnlyList<string> expectedDiagnostics)
        {
            FileName = fileName;
            Text = text;
            ExpectedDiagnostics = expectedDiagnostics;
        }

        public string FileName { get; }

        public string Text { get; }

        /// <summary>
        /// The rule id of every mistake written into the file on purpose, one per diagnostic. They are all
        /// in methods that use locals only, so an analyzer that follows locals reports them.
        /// </summary>
        public IReadOnlyList<string> ExpectedDiagnostics { get; }

        public int LineCount
        {
            get
            {
                var lines = 1;
                foreach (var c in Text)
                {
                    if (c == '\n')
                    {
                        lines++;
                    }
                }

                return lines;
            }
        }
    }

    /// <summary>
    /// A deterministic corpus of TorchSharp model files, the workload of the analyzer benchmarks and of
    /// <c>eng/build-overhead.sh</c>. Each file is one <c>nn.Module&lt;Tensor, Tensor&gt;</c> the way
    /// models are usually written: an <c>nn.Embedding</c>, 3 to 6 recurrent layers (RNN, LSTM, GRU,
    /// some stacked or bidirectional), sometimes an <c>nn.Linear</c> projection between two of them, and
    /// an <c>nn.Linear</c> head, all in fields set in the constructor (positional or named arguments,
    /// constants and locals); a forward that embeds the tokens and chains the layers, building each
    /// <c>h0</c> / <c>(h0, c0)</c> from <c>x.shape[0]</c> or <c>x.shape[1]</c> (whichever is the batch),
    /// with a dropout on some of them; 2 to 4 static probe methods that build layers and tensors from
    /// constants and locals only; and ordinary non-tensor code. The layer-held-in-a-field calls are all
    /// correct. Every 10th file has one deliberate mistake in a probe (RNN001 to RNN004 in turn), which
    /// an analyzer that follows locals reports: <see cref="GeneratedModel.ExpectedDiagnostics"/>.
    /// File 0 is the largest (6 layers, a projection, 4 probes, about 300 lines): the single-file
    /// benchmark's file.
    /// </summary>
    public static class TorchSharpModelCorpus
    {
        public const int DefaultFileCount = 200;

        private static readonly string[] MistakeRules = { "RNN001", "RNN002", "RNN003", "RNN004" };

        public static IReadOnlyList<GeneratedModel> Generate(int fileCount = DefaultFileCount)
        {
            var models = new List<GeneratedModel>(fileCount);
            for (var i = 0; i < fileCount; i++)
            {
                models.Add(GenerateOne(i));
            }

            return models;
        }

        private enum Kind
        {
            Rnn,
            Lstm,
            Gru,
        }

        private sealed class Layer
        {
            public Kind Kind;
            public long InputSize;
            public long HiddenSize;
            public long NumLayers;
            public bool Bidirectional;
            public string Field = string.Empty;

            public long Directions => Bidirectional ? 2 : 1;

            public long OutputFeatures => HiddenSize * Directions;

            public string TypeName => Kind switch
            {
                Kind.Lstm => "LSTM",
                Kind.Gru => "GRU",
                _ => "RNN",
            };
        }

        /// <summary>What one model looks like: its layers in order, and where the optional projection sits.</summary>
        private sealed class Design
        {
            public Design(List<Layer> layers, bool batchFirst, int embeddingSize, int projectionAfter, int projectionSize)
            {
                Layers = layers;
                BatchFirst = batchFirst;
                EmbeddingSize = embeddingSize;
                ProjectionAfter = projectionAfter;
                ProjectionSize = projectionSize;
            }

            public List<Layer> Layers { get; }

            public bool BatchFirst { get; }

            public int EmbeddingSize { get; }

            /// <summary>The index of the layer the projection follows, or -1 without a projection.</summary>
            public int ProjectionAfter { get; }

            public int ProjectionSize { get; }

            /// <summary>The feature size layer <paramref name="k"/> is given, as a C# expression over the file's constants.</summary>
            public string InputExpression(int k)
            {
                if (k == 0)
                {
                    return "EmbeddingSize";
                }

                return k - 1 == ProjectionAfter ? "ProjectionSize" : OutputExpression(k - 1);
            }

            public string OutputExpression(int k)
                => "Hidden" + k.ToString(CultureInfo.InvariantCulture) + (Layers[k].Bidirectional ? " * 2" : string.Empty);
        }

        private static GeneratedModel GenerateOne(int index)
        {
            var random = new Random(1000 + index);
            var large = index == 0;
            var layerCount = large ? 6 : 3 + random.Next(4);
            var probeCount = large ? 4 : 2 + random.Next(3);
            var batchFirst = random.Next(2) == 0;
            var embeddingSize = 8 * (1 + random.Next(16));
            var projectionAfter = large ? 2 : random.Next(3) == 0 ? random.Next(layerCount - 1) : -1;
            var projectionSize = 16 * (1 + random.Next(8));
            var expected = new List<string>();
            var mistakeProbe = index % 10 == 5 ? random.Next(probeCount) : -1;
            var mistakeRule = MistakeRules[(index / 10) % MistakeRules.Length];

            var layers = new List<Layer>(layerCount);
            var features = (long)embeddingSize;
            for (var k = 0; k < layerCount; k++)
            {
                var layer = new Layer
                {
                    Kind = (Kind)random.Next(3),
                    InputSize = features,
                    HiddenSize = 16 * (1 + random.Next(12)),
                    NumLayers = 1 + random.Next(3),
                    Bidirectional = random.Next(4) == 0,
                    Field = "_layer" + k.ToString(CultureInfo.InvariantCulture),
                };
                layers.Add(layer);
                features = k == projectionAfter ? projectionSize : layer.OutputFeatures;
            }

            var design = new Design(layers, batchFirst, embeddingSize, projectionAfter, projectionSize);
            var inv = CultureInfo.InvariantCulture;
            var name = "Model" + index.ToString("D3", inv);
            var w = new CodeWriter();
            w.Line("using System;");
            w.Line("using System.Collections.Generic;");
            w.Line("using System.Text;");
            w.Line("using TorchSharp;");
            w.Line("using TorchSharp.Modules;");
            w.Line("using static TorchSharp.torch;");
            w.Line();
            w.Line("namespace Generated.Models");
            w.Open();
            w.Line("/// <summary>Generated recurrent model " + index.ToString(inv) + ": an embedding, " + layerCount.ToString(inv) + " recurrent layers, batchFirst " + (batchFirst ? "true" : "false") + ".</summary>");
            w.Line("public sealed class " + name + " : nn.Module<Tensor, Tensor>");
            w.Open();
            w.Line("private const int VocabularySize = " + (1000 + random.Next(30000)).ToString(inv) + ";");
            w.Line("private const int EmbeddingSize = " + embeddingSize.ToString(inv) + ";");
            w.Line("private const int OutputSize = " + (2 + random.Next(30)).ToString(inv) + ";");
            w.Line("private const bool BatchFirst = " + (batchFirst ? "true" : "false") + ";");
            w.Line("private const double DropoutRate = 0." + (1 + random.Next(5)).ToString(inv) + ";");
            for (var k = 0; k < layerCount; k++)
            {
                w.Line("private const int Hidden" + k.ToString(inv) + " = " + layers[k].HiddenSize.ToString(inv) + ";");
            }

            if (projectionAfter >= 0)
            {
                w.Line("private const int ProjectionSize = " + projectionSize.ToString(inv) + ";");
            }

            w.Line();
            w.Line("private readonly Embedding _embedding;");
            foreach (var layer in layers)
            {
                w.Line("private readonly " + layer.TypeName + " " + layer.Field + ";");
            }

            if (projectionAfter >= 0)
            {
                w.Line("private readonly Linear _projection;");
            }

            w.Line("private readonly Dropout _dropout;");
            w.Line("private readonly Linear _head;");
            w.Line("private readonly List<string> _log = new List<string>();");
            w.Line();

            WriteConstructor(w, name, design, random);
            WriteForward(w, design, random);
            for (var p = 0; p < probeCount; p++)
            {
                var rule = p == mistakeProbe ? mistakeRule : null;
                var probeKind = WriteProbe(w, p, random, rule);
                if (rule is not null)
                {
                    expected.Add(rule);
                    if (rule == "RNN003" && probeKind == Kind.Lstm)
                    {
                        // Both h0 and c0 are laid out for the other batchFirst: one report at each.
                        expected.Add(rule);
                    }
                }
            }

            WriteHelpers(w, layers, random);
            w.Close();
            w.Close();
            return new GeneratedModel(name + ".cs", w.ToString(), expected);
        }

        private static void WriteConstructor(CodeWriter w, string name, Design design, Random random)
        {
            var layers = design.Layers;
            w.Line("public " + name + "() : base(nameof(" + name + "))");
            w.Open();
            w.Line(random.Next(2) == 0
                ? "_embedding = nn.Embedding(VocabularySize, EmbeddingSize);"
                : "_embedding = nn.Embedding(num_embeddings: VocabularySize, embedding_dims: EmbeddingSize, padding_idx: 0);");
            for (var k = 0; k < layers.Count; k++)
            {
                var layer = layers[k];
                var ks = k.ToString(CultureInfo.InvariantCulture);
                var input = design.InputExpression(k);
                var numLayers = layer.NumLayers.ToString(CultureInfo.InvariantCulture);
                var bidirectional = layer.Bidirectional ? "true" : "false";
                switch (random.Next(4))
                {
                    case 0:
                        // positional where the signature allows it, the rest named
                        w.Line(layer.Field + " = nn." + layer.TypeName + "(" + input + ", Hidden" + ks + ", " + numLayers + ", batchFirst: BatchFirst, bidirectional: " + bidirectional + ");");
                        break;
                    case 1:
                        w.Line(layer.Field + " = nn." + layer.TypeName + "(inputSize: " + input + ", hiddenSize: Hidden" + ks + ", numLayers: " + numLayers + ", batchFirst: BatchFirst, bidirectional: " + bidirectional + ");");
                        break;
                    case 2:
                        w.Line("var inputs" + ks + " = " + input + ";");
                        w.Line("var layers" + ks + " = " + numLayers + ";");
                        w.Line(layer.Field + " = nn." + layer.TypeName + "(inputs" + ks + ", Hidden" + ks + ", numLayers: layers" + ks + ", bidirectional: " + bidirectional + ", batchFirst: BatchFirst);");
                        break;
                    default:
                        w.Line(layer.Field + " = nn." + layer.TypeName + "(hiddenSize: Hidden" + ks + ", inputSize: " + input + ", batchFirst: BatchFirst, numLayers: " + numLayers + ", dropout: " + (layer.NumLayers > 1 ? "DropoutRate" : "0.0") + ", bidirectional: " + bidirectional + ");");
                        break;
                }

                if (k == design.ProjectionAfter)
                {
                    w.Line("_projection = nn.Linear(" + design.OutputExpression(k) + ", ProjectionSize);");
                }
            }

            w.Line("_dropout = nn.Dropout(DropoutRate);");
            w.Line("_head = nn.Linear(" + design.OutputExpression(layers.Count - 1) + ", OutputSize);");
            w.Line("RegisterComponents();");
            w.Close();
            w.Line();
        }

        private static void WriteForward(CodeWriter w, Design design, Random random)
        {
            var layers = design.Layers;
            var batchIndex = design.BatchFirst ? "0" : "1";
            w.Line("public override Tensor forward(Tensor tokens)");
            w.Open();
            w.Line("if (tokens.Dimensions != 2)");
            w.Open();
            w.Line("throw new ArgumentException($\"expected 2-d token ids, got {tokens.Dimensions} dimensions\", nameof(tokens));");
            w.Close();
            w.Line();
            w.Line("var x = _embedding.call(tokens);");
            for (var k = 0; k < layers.Count; k++)
            {
                var layer = layers[k];
                var ks = k.ToString(CultureInfo.InvariantCulture);
                var stateRows = (layer.NumLayers * layer.Directions).ToString(CultureInfo.InvariantCulture);
                w.Line();
                w.Line("// " + layer.TypeName + " " + ks + ": " + layer.InputSize.ToString(CultureInfo.InvariantCulture) + " -> " + layer.OutputFeatures.ToString(CultureInfo.InvariantCulture) + " features");

                // RNN and GRU are sometimes called without a state (TorchSharp then starts from zeros).
                var withState = layer.Kind == Kind.Lstm || random.Next(3) != 0;
                var batch = withState ? BatchExpression(w, batchIndex, ks, random) : string.Empty;
                switch (layer.Kind)
                {
                    case Kind.Lstm:
                        w.Line("var h" + ks + " = torch.zeros(" + stateRows + ", " + batch + ", Hidden" + ks + ");");
                        w.Line("var c" + ks + " = torch.zeros(" + stateRows + ", " + batch + ", Hidden" + ks + ");");
                        if (random.Next(2) == 0)
                        {
                            w.Line("var (y" + ks + ", hn" + ks + ", cn" + ks + ") = " + layer.Field + ".call(x, (h" + ks + ", c" + ks + "));");
                        }
                        else
                        {
                            w.Line("var state" + ks + " = (h" + ks + ", c" + ks + ");");
                            w.Line("var (y" + ks + ", hn" + ks + ", cn" + ks + ") = " + layer.Field + ".forward(x, state" + ks + ");");
                        }

                        w.Line("_log.Add($\"" + layer.Field + ": h {hn" + ks + ".size(0)} c {cn" + ks + ".size(0)}\");");
                        break;
                    default:
                        if (withState)
                        {
                            w.Line("var h" + ks + " = torch.zeros(" + stateRows + ", " + batch + ", Hidden" + ks + ");");
                            w.Line("var (y" + ks + ", hn" + ks + ") = " + layer.Field + ".call(x, h" + ks + ");");
                        }
                        else
                        {
                            w.Line("var (y" + ks + ", hn" + ks + ") = " + layer.Field + ".call(x);");
                        }

                        w.Line("_log.Add($\"" + layer.Field + ": h {hn" + ks + ".size(0)}\");");
                        break;
                }

                if (k % 2 == 1)
                {
                    w.Line("if (training)");
                    w.Open();
                    w.Line("y" + ks + " = _dropout.call(y" + ks + ");");
                    w.Close();
                }

                w.Line(k == design.ProjectionAfter ? "x = _projection.call(y" + ks + ");" : "x = y" + ks + ";");
            }

            w.Line();
            w.Line("for (var i = 0; i < " + (1 + random.Next(3)).ToString(CultureInfo.InvariantCulture) + "; i++)");
            w.Open();
            w.Line("x = x + 0.5 * torch.tanh(x);");
            w.Close();
            w.Line();
            w.Line("var last = " + (design.BatchFirst ? "x.select(1, -1)" : "x.select(0, -1)") + ";");
            w.Line("return _head.call(last);");
            w.Close();
            w.Line();
        }

        /// <summary>The batch size as models read it for a state: straight from x.shape, or through a local.</summary>
        private static string BatchExpression(CodeWriter w, string batchIndex, string ks, Random random)
        {
            if (random.Next(2) == 0)
            {
                return "x.shape[" + batchIndex + "]";
            }

            w.Line("var batch" + ks + " = x.shape[" + batchIndex + "];");
            return "batch" + ks;
        }

        /// <summary>
        /// A static self-check with everything built from constants and locals, so the analyzer proves
        /// every shape; with <paramref name="mistake"/> set, one argument is wrong in the way that rule reports.
        /// </summary>
        private static Kind WriteProbe(CodeWriter w, int p, Random random, string? mistake)
        {
            var kind = (Kind)random.Next(3);
            var type = kind switch
            {
                Kind.Lstm => "LSTM",
                Kind.Gru => "GRU",
                _ => "RNN",
            };
            var batchFirst = random.Next(2) == 0;
            var batch = 2 + random.Next(14);
            var steps = batch + 1 + random.Next(20);
            var features = 4 * (1 + random.Next(16));
            var hidden = 8 * (1 + random.Next(16));
            var numLayers = 1 + random.Next(3);
            var ps = p.ToString(CultureInfo.InvariantCulture);
            var inv = CultureInfo.InvariantCulture;

            w.Line("/// <summary>Runs a " + type + " on a known shape and reports the sizes it returned.</summary>");
            w.Line("public static long Probe" + ps + "(int repeats)");
            w.Open();
            w.Line("const int batch = " + batch.ToString(inv) + ";");
            w.Line("const long steps = " + steps.ToString(inv) + ";");
            w.Line("var features = " + features.ToString(inv) + ";");
            w.Line("var hidden = " + (hidden / 2).ToString(inv) + " * 2;");
            w.Line("var stacked = " + numLayers.ToString(inv) + ";");
            switch (random.Next(3))
            {
                case 0:
                    w.Line("var layer = nn." + type + "(features, hidden, stacked, batchFirst: " + (batchFirst ? "true" : "false") + ");");
                    break;
                case 1:
                    w.Line("var layer = nn." + type + "(inputSize: features, hiddenSize: hidden, numLayers: stacked, batchFirst: " + (batchFirst ? "true" : "false") + ");");
                    break;
                default:
                    w.Line("var layer = nn." + type + "(batchFirst: " + (batchFirst ? "true" : "false") + ", numLayers: stacked, hiddenSize: hidden, inputSize: features);");
                    break;
            }

            // The layout the layer expects, unless the mistake is a layout mix-up.
            var seqLayout = batchFirst ^ (mistake == "RNN003");
            var inputFeatures = mistake == "RNN001" ? "features + 1" : "features";
            var input = seqLayout ? "batch, steps, " + inputFeatures : "steps, batch, " + inputFeatures;
            if (mistake == "RNN004")
            {
                input = "1, " + input;
            }

            w.Line("var input = torch." + (random.Next(2) == 0 ? "randn" : "zeros") + "(" + input + ");");
            var stateHidden = mistake == "RNN002" ? "hidden + 1" : "hidden";
            w.Line("var h0 = torch.zeros(stacked, batch, " + stateHidden + ");");
            w.Line("long total = 0;");
            w.Line("for (var r = 0; r < repeats; r++)");
            w.Open();
            if (kind == Kind.Lstm)
            {
                w.Line("var c0 = torch.zeros(stacked, batch, hidden);");
                w.Line("var (output, hn, cn) = layer.call(input, (h0, c0));");
                w.Line("total += output.size(-1) + hn.size(0) + cn.size(0);");
            }
            else
            {
                w.Line("var (output, hn) = layer.call(input, h0);");
                w.Line("total += output.size(-1) + hn.size(0);");
            }

            w.Line("if (total > int.MaxValue)");
            w.Open();
            w.Line("break;");
            w.Close();
            w.Close();
            w.Line();
            w.Line("return total;");
            w.Close();
            w.Line();
            return kind;
        }

        private static void WriteHelpers(CodeWriter w, List<Layer> layers, Random random)
        {
            w.Line("/// <summary>A one-line description per layer, for logs.</summary>");
            w.Line("public string Describe()");
            w.Open();
            w.Line("var text = new StringBuilder();");
            w.Line("text.Append(GetName()).Append(':');");
            for (var k = 0; k < layers.Count; k++)
            {
                w.Line("text.Append(\" " + layers[k].TypeName + "(\").Append(Hidden" + k.ToString(CultureInfo.InvariantCulture) + ").Append(')');");
            }

            w.Line("foreach (var entry in _log)");
            w.Open();
            w.Line("if (entry.Length > 0 && char.IsLetter(entry[0]))");
            w.Open();
            w.Line("text.AppendLine().Append(\"  \").Append(entry.Trim());");
            w.Close();
            w.Close();
            w.Line();
            w.Line("return text.ToString();");
            w.Close();
            w.Line();
            w.Line("/// <summary>Parameter count per named parameter, largest first.</summary>");
            w.Line("public IReadOnlyList<KeyValuePair<string, long>> ParameterCounts()");
            w.Open();
            w.Line("var counts = new List<KeyValuePair<string, long>>();");
            w.Line("foreach (var (paramName, parameter) in named_parameters())");
            w.Open();
            w.Line("counts.Add(new KeyValuePair<string, long>(paramName, parameter.numel()));");
            w.Close();
            w.Line();
            w.Line("counts.Sort((a, b) => b.Value.CompareTo(a.Value));");
            w.Line("return counts;");
            w.Close();
            w.Line();
            w.Line("/// <summary>A learning rate schedule: warm-up, then cosine decay.</summary>");
            w.Line("public static double LearningRate(int step, int totalSteps)");
            w.Open();
            w.Line("const int warmup = " + (50 + random.Next(200)).ToString(CultureInfo.InvariantCulture) + ";");
            w.Line("if (step < warmup)");
            w.Open();
            w.Line("return 1e-3 * (step + 1) / warmup;");
            w.Close();
            w.Line();
            w.Line("var progress = (double)(step - warmup) / Math.Max(1, totalSteps - warmup);");
            w.Line("return 1e-3 * 0.5 * (1 + Math.Cos(Math.PI * Math.Min(1.0, progress)));");
            w.Close();
            w.Line();
            w.Line("/// <summary>Splits a batch along the batch dimension into chunks of at most <paramref name=\"size\"/>.</summary>");
            w.Line("public static List<Tensor> Chunks(Tensor batch, long size)");
            w.Open();
            w.Line("var chunks = new List<Tensor>();");
            w.Line("var total = batch.size(BatchFirst ? 0 : 1);");
            w.Line("for (long start = 0; start < total; start += size)");
            w.Open();
            w.Line("var length = Math.Min(size, total - start);");
            w.Line("chunks.Add(batch.narrow(BatchFirst ? 0 : 1, start, length));");
            w.Close();
            w.Line();
            w.Line("return chunks;");
            w.Close();
        }

        private sealed class CodeWriter
        {
            private readonly StringBuilder _text = new StringBuilder();
            private int _indent;

            public void Line(string line = "")
            {
                if (line.Length > 0)
                {
                    _text.Append(' ', _indent * 4);
                }

                _text.Append(line).Append('\n');
            }

            public void Open()
            {
                Line("{");
                _indent++;
            }

            public void Close()
            {
                _indent--;
                Line("}");
            }

            public override string ToString() => _text.ToString();
        }
    }
}
