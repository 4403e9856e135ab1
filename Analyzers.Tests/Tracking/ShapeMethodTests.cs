using System.Threading.Tasks;
using RnnShapeAnalyzers.Tests.Verifiers;
using Xunit;

namespace RnnShapeAnalyzers.Tests.Tracking
{
    /// <summary>
    /// The shape methods docs/troubleshooting.md lists, each followed to a recurrent call: a mismatch
    /// proven through it (the message shows the shape it computed; every one throws in libtorch), and a
    /// correct use that is silent.
    /// </summary>
    public class ShapeMethodTests
    {
        [Fact]
        public Task ViewInfersOneMinusOne() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var gru = nn.GRU(10, 20);
                var x = torch.randn(4, 6, 10);
                gru.call(x.view(-1, 3, 10), torch.zeros(1, 3, 20));
                gru.call(x.reshape(8, -1, 10), {|#0:torch.zeros(1, 6, 20)|});
                """),
            Verify.Diagnostic("RNN002").WithLocation(0).WithArguments(
                "h0", "[1, 6, 20]", "GRU", "[1, 3, 20]", "dimension 1 is 6 but must be the batch size 3 (dimension 1 of the input, since batchFirst is false)"));

        /// <summary>Two -1s throw in libtorch; the analyzer proves nothing from them.</summary>
        [Fact]
        public Task ViewWithTwoInferredSizesIsUnknown() => Verify.AnalyzerAsync(Snippet.Method("""
            var gru = nn.GRU(10, 20);
            gru.call(torch.randn(4, 6, 7).view(-1, -1, 7));
            """));

        [Fact]
        public Task Permute() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var gru = nn.GRU(40, 64, batchFirst: true);
                var spectrogram = torch.randn(8, 40, 100);
                gru.call(spectrogram.permute(0, 2, 1), torch.zeros(1, 8, 64));
                gru.call({|#0:spectrogram.permute(1, 2, 0)|});
                gru.call(torch.permute(spectrogram, 0, 2, 1));
                """),
            Verify.Diagnostic("RNN001").WithLocation(0).WithArguments("[40, 100, 8]", "8", "GRU", "40", "[40, 100, 40]"));

        /// <summary>A batch-first tensor made time-major for a layer left at batchFirst: false; the state keeps the batch.</summary>
        [Fact]
        public Task TransposeOfABatchFirstInput() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var lstm = nn.LSTM(8, 16);
                var batchMajor = torch.randn(32, 10, 8);
                var state = torch.zeros(1, 32, 16);
                lstm.call(batchMajor.transpose(0, 1), (state, state));
                lstm.call(batchMajor.swapaxes(1, 0), (state, state));
                var wrong = torch.zeros(1, 10, 16);
                lstm.call(batchMajor.transpose(0, 1), ({|#0:wrong|}, {|#1:wrong|}));
                """),
            Verify.Diagnostic("RNN003").WithLocation(0).WithArguments("h0", "10", "32", "false", "1", "[10, 32, 8]", "[1, 32, 16]", string.Empty),
            Verify.Diagnostic("RNN003").WithLocation(1).WithArguments("c0", "10", "32", "false", "1", "[10, 32, 8]", "[1, 32, 16]", string.Empty));

        [Fact]
        public Task UnsqueezeOfATwoDimensionalInput() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                var sequence = torch.randn(5, 10);
                rnn.call(sequence.unsqueeze(1), torch.zeros(1, 1, 20));
                rnn.call(torch.unsqueeze(sequence, -2));
                rnn.call({|#0:sequence.unsqueeze(-1)|});
                """),
            Verify.Diagnostic("RNN001").WithLocation(0).WithArguments("[5, 10, 1]", "1", "RNN", "10", "[5, 10, 10]"));

        [Fact]
        public Task SqueezeOfADimension() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                var x = torch.randn(5, 3, 1, 10);
                rnn.call(x.squeeze(2), torch.zeros(1, 3, 20));
                rnn.call(x.squeeze(-2));
                rnn.call({|#0:x.squeeze(1)|});
                """),
            Verify.Diagnostic("RNN004").WithLocation(0).WithArguments("[5, 3, 1, 10]", "4", "RNN", "a 3-D input (sequence, batch, features)", string.Empty));

        /// <summary>Without a dimension, squeeze removes every 1: the result is known only when every size is.</summary>
        [Fact]
        public Task SqueezeOfEverySizeOne() => Verify.AnalyzerAsync(
            Snippet.Method(
                """
                var rnn = nn.RNN(10, 20);
                rnn.call(torch.randn(5, 1, 3, 10).squeeze());
                rnn.call({|#0:torch.randn(5, 1, 1, 10).squeeze()|});
                rnn.call(torch.randn(5, 1, batch, 10).squeeze());
                """,
                parameters: "long batch"),
            Verify.Diagnostic("RNN004").WithLocation(0).WithArguments("[5, 10]", "2", "RNN", "a 3-D input (sequence, batch, features)", "; add the batch dimension: input.unsqueeze(1) has shape [5, 1, 10]"));

        [Fact]
        public Task IntegerAndSliceIndexing() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                var x = torch.randn(2, 5, 3, 10);
                rnn.call(x[0], torch.zeros(1, 3, 20));
                rnn.call(x[.., .., -1], {|#0:torch.zeros(1, 3, 20)|});
                rnn.call(x[1, 1..], {|#1:torch.zeros(1, 4, 20)|});
                """),
            Verify.Diagnostic("RNN002").WithLocation(0).WithArguments(
                "h0", "[1, 3, 20]", "RNN", "[1, 5, 20]", "dimension 1 is 3 but must be the batch size 5 (dimension 1 of the input, since batchFirst is false)"),
            Verify.Diagnostic("RNN002").WithLocation(1).WithArguments(
                "h0", "[1, 4, 20]", "RNN", "[1, 3, 20]", "dimension 1 is 4 but must be the batch size 3 (dimension 1 of the input, since batchFirst is false)"));

        [Fact]
        public Task TensorIndexColonEllipsisAndNone() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                var sequence = torch.randn(5, 10);
                rnn.call(sequence[TensorIndex.Colon, TensorIndex.None, TensorIndex.Colon], torch.zeros(1, 1, 20));
                rnn.call(sequence[TensorIndex.None, TensorIndex.Ellipsis], torch.zeros(1, 5, 20));
                rnn.call(sequence.index(TensorIndex.Ellipsis, TensorIndex.None, TensorIndex.Colon));
                rnn.call({|#0:sequence[TensorIndex.Ellipsis, TensorIndex.None]|});
                """),
            Verify.Diagnostic("RNN001").WithLocation(0).WithArguments("[5, 10, 1]", "1", "RNN", "10", "[5, 10, 10]"));

        /// <summary><c>output[.., -1, ..]</c> is the last time step of a batch-first output, still the encoder's output.</summary>
        [Fact]
        public Task LastTimeStepOfARecurrentOutput() => Verify.AnalyzerAsync(Snippet.Method("""
            var encoder = nn.LSTM(10, 20, bidirectional: true, batchFirst: true);
            var (output, _, _) = encoder.call(torch.randn(4, 7, 10));
            var last = output[.., -1, ..];
            var decoder = nn.GRU(40, 20, batchFirst: true);
            decoder.call(last.unsqueeze(1), torch.zeros(1, 4, 20));
            var narrow = nn.GRU(20, 20, batchFirst: true);
            narrow.call({|RNN009:last.unsqueeze(1)|});
            decoder.call(last.unsqueeze(1), {|RNN002:torch.zeros(1, 7, 20)|});
            """));

        /// <summary><c>h_n[-1]</c> is the last layer's final state, (batch, hiddenSize): a cell's state.</summary>
        [Fact]
        public Task LastLayerOfTheFinalState() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var encoder = nn.GRU(10, 20, numLayers: 2);
                var (_, hn) = encoder.call(torch.randn(7, 4, 10));
                var cell = nn.GRUCell(10, 20);
                cell.call(torch.randn(4, 10), hn[-1]);
                var wide = nn.GRUCell(10, 30);
                wide.call(torch.randn(4, 10), {|#0:hn[-1]|});
                """),
            Verify.Diagnostic("RNN002").WithLocation(0).WithArguments(
                "h0", "[4, 20]", "GRUCell", "[4, 30]", "dimension 1 is 20 but must be hiddenSize 30"));

        [Fact]
        public Task CatOfTwoTensors() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                var words = torch.randn(5, 3, 4);
                var characters = torch.randn(5, 3, 6);
                rnn.call(torch.cat([words, characters], 2), torch.zeros(1, 3, 20));
                rnn.call(torch.cat(new[] { words, characters }, dim: -1));
                rnn.call({|#0:torch.cat([words, words], 2)|});
                var both = torch.cat([words, characters], 2);
                rnn.call(torch.concat([both, both], 1), {|#1:torch.zeros(1, 3, 20)|});
                """),
            Verify.Diagnostic("RNN001").WithLocation(0).WithArguments("[5, 3, 8]", "8", "RNN", "10", "[5, 3, 10]"),
            Verify.Diagnostic("RNN002").WithLocation(1).WithArguments(
                "h0", "[1, 3, 20]", "RNN", "[1, 6, 20]", "dimension 1 is 3 but must be the batch size 6 (dimension 1 of the input, since batchFirst is false)"));

        /// <summary>Stacking time steps along dimension 1 makes the step count the batch: the state built for dimension 0 is a mix-up.</summary>
        [Fact]
        public Task Stack() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                var first = torch.randn(3, 10);
                var second = torch.randn(3, 10);
                rnn.call(torch.stack([first, second]), torch.zeros(1, 3, 20));
                rnn.call(torch.stack(new[] { first, second, first }, -3), torch.zeros(1, 3, 20));
                rnn.call(torch.stack([first, second], 1), {|#0:torch.zeros(1, 3, 20)|});
                """),
            Verify.Diagnostic("RNN003").WithLocation(0).WithArguments("h0", "3", "2", "false", "1", "[3, 2, 10]", "[1, 2, 20]", string.Empty));

        [Fact]
        public Task Expand() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                rnn.call(torch.randn(1, 1, 10).expand(5, 3, -1), torch.zeros(1, 3, 20));
                rnn.call(torch.randn(10).expand(5, 3, 10), torch.zeros(1, 3, 20));
                rnn.call({|#0:torch.randn(1, 1, 8).expand(5, 3, -1)|});
                """),
            Verify.Diagnostic("RNN001").WithLocation(0).WithArguments("[5, 3, 8]", "8", "RNN", "10", "[5, 3, 10]"));

        [Fact]
        public Task Narrow() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                var x = torch.randn(10, 3, 12);
                rnn.call(x.narrow(2, 0, 10), torch.zeros(1, 3, 20));
                rnn.call(torch.narrow(x, -1, 1, 10));
                rnn.call({|#0:x.narrow(2, 2, 8)|});
                """),
            Verify.Diagnostic("RNN001").WithLocation(0).WithArguments("[10, 3, 8]", "8", "RNN", "10", "[10, 3, 10]"));

        [Fact]
        public Task Select() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                var x = torch.randn(2, 5, 3, 10);
                rnn.call(x.select(0, 1), torch.zeros(1, 3, 20));
                rnn.call(torch.select(x, -3, 0), torch.zeros(1, 3, 20));
                rnn.call(x.select(2, 0), {|#0:torch.zeros(1, 3, 20)|});
                """),
            Verify.Diagnostic("RNN002").WithLocation(0).WithArguments(
                "h0", "[1, 3, 20]", "RNN", "[1, 5, 20]", "dimension 1 is 3 but must be the batch size 5 (dimension 1 of the input, since batchFirst is false)"));

        /// <summary>TorchSharp's <c>T</c> reverses every dimension, whatever the rank; <c>mT</c> swaps the last two; <c>t()</c> is 2-D only.</summary>
        [Fact]
        public Task TransposeProperties() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                rnn.call(torch.randn(10, 3, 5).T, torch.zeros(1, 3, 20));
                rnn.call(torch.randn(5, 10, 3).mT, torch.zeros(1, 3, 20));
                rnn.call(torch.randn(10, 5).t().unsqueeze(1), torch.zeros(1, 1, 20));
                rnn.call({|#0:torch.randn(5, 3, 10).T|});
                rnn.call({|#1:torch.randn(5, 3, 10).mT|});
                """),
            Verify.Diagnostic("RNN001").WithLocation(0).WithArguments("[10, 3, 5]", "5", "RNN", "10", "[10, 3, 10]"),
            Verify.Diagnostic("RNN001").WithLocation(1).WithArguments("[5, 10, 3]", "3", "RNN", "10", "[5, 10, 10]"));

        [Fact]
        public Task Flatten() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                var x = torch.randn(5, 3, 2, 5);
                rnn.call(x.flatten(2), torch.zeros(1, 3, 20));
                rnn.call(torch.flatten(x, start_dim: -2));
                rnn.call({|#0:x.flatten(1, 2)|});
                rnn.call({|#1:x.flatten()|});
                """),
            Verify.Diagnostic("RNN001").WithLocation(0).WithArguments("[5, 6, 5]", "5", "RNN", "10", "[5, 6, 10]"),
            Verify.Diagnostic("RNN004").WithLocation(1).WithArguments("[150]", "1", "RNN", "a 3-D input (sequence, batch, features)", string.Empty));

        [Fact]
        public Task ShapeKeepingMethodsKeepTheShape() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                var dropout = nn.Dropout(0.1);
                var x = torch.randn(5, 3, 10);
                rnn.call(x.contiguous().detach().clone().to(torch.CPU), torch.zeros(1, 3, 20).to("cpu"));
                rnn.call(dropout.call(torch.nn.functional.relu(x.tanh())), torch.zeros(1, 3, 20));
                var y = torch.randn(5, 3, 7);
                rnn.call({|#0:y.contiguous().detach().clone().to(torch.CPU)|});
                rnn.call({|#1:dropout.call(torch.nn.functional.relu(y.tanh()))|});
                rnn.call(x, {|#2:torch.zeros(1, 3, 30).to(DeviceType.CPU)|});
                """),
            Verify.Diagnostic("RNN001").WithLocation(0).WithArguments("[5, 3, 7]", "7", "RNN", "10", "[5, 3, 10]"),
            Verify.Diagnostic("RNN001").WithLocation(1).WithArguments("[5, 3, 7]", "7", "RNN", "10", "[5, 3, 10]"),
            Verify.Diagnostic("RNN002").WithLocation(2));

        [Fact]
        public Task LinearReplacesTheLastDimension() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                var x = torch.randn(5, 3, 7);
                rnn.call(nn.Linear(7, 10).call(x), torch.zeros(1, 3, 20));
                var projection = nn.Linear(7, 12);
                rnn.call({|#0:projection.call(x)|});
                """),
            Verify.Diagnostic("RNN001").WithLocation(0).WithArguments("[5, 3, 12]", "12", "RNN", "10", "[5, 3, 10]"));

        /// <summary>The vectors have the embedding's dtype (Float32 by default), not the Int64 of the indices.</summary>
        [Fact]
        public Task EmbeddingAddsALastDimension() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var embedding = nn.Embedding(1000, 32);
                var gru = nn.GRU(32, 64);
                gru.call(embedding.call(torch.zeros(7, 4, dtype: ScalarType.Int64)), torch.zeros(1, 4, 64));
                gru.call({|#0:embedding.call(torch.zeros(7, dtype: ScalarType.Int64))|});
                var doubles = nn.Embedding(1000, 32, dtype: ScalarType.Float64);
                gru.call({|#1:doubles.call(torch.zeros(7, 4, dtype: ScalarType.Int64))|});
                """),
            Verify.Diagnostic("RNN004").WithLocation(0).WithArguments("[7, 32]", "2", "GRU", "a 3-D input (sequence, batch, features)", "; add the batch dimension: input.unsqueeze(1) has shape [7, 1, 32]"),
            Verify.Diagnostic("RNN005").WithLocation(1).WithArguments("input", "Float64", "GRU", "Float32"));

        /// <summary>A dimension out of range throws in libtorch; the analyzer does not guess a shape from it.</summary>
        [Fact]
        public Task OutOfRangeDimensionsAreUnknown() => Verify.AnalyzerAsync(Snippet.Method("""
            var rnn = nn.RNN(10, 20);
            var x = torch.randn(5, 3, 7);
            rnn.call(x.transpose(0, 3));
            rnn.call(x.unsqueeze(4));
            rnn.call(x.squeeze(3));
            rnn.call(x.permute(0, 1));
            rnn.call(x.permute(0, 0, 2));
            rnn.call(x.narrow(-4, 0, 1));
            rnn.call(x[0, 0, 0, 0]);
            rnn.call(x.mT.mT.T.select(3, 0));
            """));

        /// <summary>A size from an argument the analyzer cannot read stays unknown and never differs.</summary>
        [Fact]
        public Task UnknownSizesStayUnknown() => Verify.AnalyzerAsync(Snippet.Method(
            """
            var rnn = nn.RNN(10, 20);
            var x = torch.randn(5, 3, 12);
            rnn.call(x.narrow(2, 0, width), torch.zeros(1, 3, 20));
            rnn.call(x.view(5, 3, width));
            rnn.call(x.transpose(0, axis), torch.zeros(1, 3, 20));
            rnn.call(torch.cat([x, x], axis));
            rnn.call(x.expand(5, 3, width));
            """,
            parameters: "long width, long axis"));
    }
}
