using System.Threading.Tasks;
using RnnShapeAnalyzers.Tests.Verifiers;
using Xunit;

namespace RnnShapeAnalyzers.Tests
{
    /// <summary>RNN009: a recurrent layer's output has D * hiddenSize features; a recurrent layer or cell that reads it needs that inputSize.</summary>
    public class RecurrentLayerChainTests
    {
        [Fact]
        public Task BidirectionalOutputIntoALayerBuiltWithHiddenSize() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var encoder = nn.LSTM(10, 20, bidirectional: true);
                var decoder = nn.LSTM(20, 30);
                var (encoded, _, _) = encoder.call(torch.randn(5, 3, 10));
                decoder.call({|#0:encoded|});
                """),
            Verify.Diagnostic("RNN009").WithLocation(0).WithMessage(
                "The output of LSTM has 40 features (bidirectional LSTM: 2 * hiddenSize 20) but LSTM reads it with inputSize 20; expected inputSize 40"));

        [Fact]
        public Task OneDirectionalOutputIntoAnotherKindOfLayer() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var gru = nn.GRU(10, 20, batchFirst: true);
                var rnn = nn.RNN(16, 8, batchFirst: true);
                rnn.call({|#0:gru.call(torch.randn(3, 5, 10)).Item1|});
                """),
            Verify.Diagnostic("RNN009").WithLocation(0).WithArguments("GRU", "20", "GRU: hiddenSize 20", "RNN", "16"));

        /// <summary>numLayers does not matter: only the last layer's output comes out.</summary>
        [Fact]
        public Task StackedLayersOutputOnlyTheLastLayer() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var first = nn.GRU(10, 20, numLayers: 3, bidirectional: true);
                var second = nn.GRU(60, 20);
                var (output, _) = first.call(torch.randn(5, 3, 10));
                second.call({|#0:output|});
                """),
            Verify.Diagnostic("RNN009").WithLocation(0).WithArguments("GRU", "40", "bidirectional GRU: 2 * hiddenSize 20", "GRU", "60"));

        [Fact]
        public Task ThroughShapeKeepingOperations() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var encoder = nn.LSTM(10, 20, bidirectional: true);
                var decoder = nn.GRU(20, 30, batchFirst: true);
                var dropout = nn.Dropout(0.2);
                var (encoded, _, _) = encoder.call(torch.randn(5, 3, 10));
                decoder.call({|#0:dropout.call(encoded.transpose(0, 1).contiguous())|});
                """),
            Verify.Diagnostic("RNN009").WithLocation(0).WithArguments("LSTM", "40", "bidirectional LSTM: 2 * hiddenSize 20", "GRU", "20"));

        [Fact]
        public Task CellOutputIntoACell() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var first = nn.LSTMCell(10, 20);
                var second = nn.GRUCell(16, 8);
                var (h, c) = first.call(torch.randn(3, 10), (torch.zeros(3, 20), torch.zeros(3, 20)));
                second.forward({|#0:h|}, torch.zeros(3, 8));
                """),
            Verify.Diagnostic("RNN009").WithLocation(0).WithArguments("LSTMCell", "20", "LSTMCell: hiddenSize 20", "GRUCell", "16"));

        [Fact]
        public Task LastStepOfTheOutputIntoACell() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var encoder = nn.GRU(10, 20, bidirectional: true);
                var cell = nn.GRUCell(20, 20);
                var (output, _) = encoder.call(torch.randn(5, 3, 10));
                cell.forward({|#0:output[-1]|}, null);
                """),
            Verify.Diagnostic("RNN009").WithLocation(0).WithArguments("GRU", "40", "bidirectional GRU: 2 * hiddenSize 20", "GRUCell", "20"));

        [Fact]
        public Task LayersInFieldsAreNamedWithTheirOrigins() => Verify.AnalyzerAsync(
            """
            using TorchSharp;
            using static TorchSharp.torch;

            sealed class Seq2Seq : nn.Module<Tensor, Tensor>
            {
                private readonly TorchSharp.Modules.LSTM encoder;
                private readonly TorchSharp.Modules.LSTM decoder;

                public Seq2Seq() : base(nameof(Seq2Seq))
                {
                    encoder = nn.LSTM(10, 20, bidirectional: true);
                    decoder = nn.LSTM(20, 30);
                    RegisterComponents();
                }

                public override Tensor forward(Tensor input)
                {
                    var (encoded, _, _) = encoder.call(input);
                    var (output, _, _) = decoder.call({|#0:encoded|});
                    return output;
                }
            }
            """,
            Verify.Diagnostic("RNN009").WithLocation(0).WithMessage(
                "The output of LSTM in field `encoder` set in the constructor at line 11 has 40 features (bidirectional LSTM: 2 * hiddenSize 20) but LSTM in field `decoder` set in the constructor at line 12 reads it with inputSize 20; expected inputSize 40"));

        [Fact]
        public Task MatchingInputSizesAreSilent() => Verify.AnalyzerAsync(Snippet.Method("""
            var encoder = nn.LSTM(10, 20, bidirectional: true);
            var decoder = nn.LSTM(40, 30);
            var (encoded, _, _) = encoder.call(torch.randn(5, 3, 10));
            var (decoded, _, _) = decoder.call(encoded);
            var gru = nn.GRU(30, 8);
            gru.call(decoded);
            var cell = nn.GRUCell(40, 8);
            cell.forward(encoded[-1], null);
            """));

        [Fact]
        public Task UnknownConfigurationsAreSilent() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var byHidden = nn.LSTM(10, hidden);
                var (a, _, _) = byHidden.call(torch.randn(5, 3, 10));
                nn.LSTM(20, 30).call(a);
                var byDirection = nn.LSTM(10, 20, bidirectional: bidirectional);
                var (b, _, _) = byDirection.call(torch.randn(5, 3, 10));
                nn.LSTM(20, 30).call(b);
                var known = nn.LSTM(10, 20, bidirectional: true);
                var (c, _, _) = known.call(torch.randn(5, 3, 10));
                nn.LSTM(inputSize, 30).call(c);
                """,
                parameters: "long hidden, bool bidirectional, long inputSize"));

        /// <summary>A Linear in between changes the features: a mismatch after it is the plain RNN001.</summary>
        [Fact]
        public Task OutputThroughALinearIsNotAChain() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var encoder = nn.LSTM(10, 20, bidirectional: true);
                var projection = nn.Linear(40, 12);
                var decoder = nn.LSTM(16, 30);
                var (encoded, _, _) = encoder.call(torch.randn(5, 3, 10));
                decoder.call({|#0:projection.call(encoded)|});
                """),
            Verify.Diagnostic("RNN001").WithLocation(0).WithArguments("[5, 3, 12]", "12", "LSTM", "16", "[5, 3, 16]"));
    }
}
