using System.Threading.Tasks;
using RnnShapeAnalyzers.Tests.Verifiers;
using Xunit;

namespace RnnShapeAnalyzers.Tests.Tracking
{
    /// <summary>
    /// What a recurrent call returns, followed into the next call: (output, h_n[, c_n]) through a
    /// deconstruction, ItemN or a tuple local; h_n given back as the next h0; a cell's (h', c') in a loop.
    /// </summary>
    public class TupleResultTests
    {
        [Fact]
        public Task DeconstructedOutputAndFinalState() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var encoder = nn.GRU(10, 20);
                var (output, hn) = encoder.call(torch.randn(7, 4, 10));
                nn.GRU(20, 20).call(output, hn);
                var wider = nn.GRU(20, 30);
                wider.call(output, {|#0:hn|});
                """),
            Verify.Diagnostic("RNN002").WithLocation(0).WithArguments(
                "h0", "[1, 4, 20]", "GRU", "[1, 4, 30]", "dimension 2 is 20 but must be hiddenSize 30"));

        [Fact]
        public Task ItemNAndTupleLocals() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var lstm = nn.LSTM(10, 20, numLayers: 2);
                var result = lstm.call(torch.randn(7, 4, 10));
                var decoder = nn.LSTM(20, 20, numLayers: 2);
                decoder.call(result.Item1, (result.Item2, result.Item3));
                decoder.call(lstm.call(torch.randn(7, 4, 10)).Item1, (result.Item2, {|#0:result.Item2[1].unsqueeze(0)|}));
                var single = nn.LSTM(20, 20);
                single.call(result.Item1, ({|#1:result.Item2|}, {|#2:result.Item3|}));
                """),
            Verify.Diagnostic("RNN002").WithLocation(0).WithArguments(
                "c0", "[1, 4, 20]", "LSTM", "[2, 4, 20]", "dimension 0 is 1 but must be numLayers * directions = 2 * 1 = 2"),
            Verify.Diagnostic("RNN002").WithLocation(1).WithArguments(
                "h0", "[2, 4, 20]", "LSTM", "[1, 4, 20]", "dimension 0 is 2 but must be numLayers * directions = 1 * 1 = 1"),
            Verify.Diagnostic("RNN002").WithLocation(2).WithArguments(
                "c0", "[2, 4, 20]", "LSTM", "[1, 4, 20]", "dimension 0 is 2 but must be numLayers * directions = 1 * 1 = 1"));

        /// <summary>Truncated backpropagation through time: each chunk starts from the previous chunk's final state.</summary>
        [Fact]
        public Task FinalStateReusedAsTheNextInitialState() => Verify.AnalyzerAsync(Snippet.Method("""
            var gru = nn.GRU(10, 20, numLayers: 2, batchFirst: true);
            var (_, h1) = gru.call(torch.randn(4, 35, 10));
            var (_, h2) = gru.call(torch.randn(4, 35, 10), h1);
            var (_, h3) = gru.call(torch.randn(4, 12, 10), h2.detach());
            gru.call(torch.randn(3, 35, 10), {|RNN002:h3|});
            var lstm = nn.LSTM(10, 20);
            var (_, h, c) = lstm.call(torch.randn(35, 4, 10));
            lstm.call(torch.randn(35, 4, 10), (h, c));
            """));

        [Fact]
        public Task FinalStateOfAParameterInputHasItsNamedBatch() => Verify.AnalyzerAsync(Snippet.Method(
            """
            var gru = nn.GRU(10, 20);
            var (_, hn) = gru.call(x);
            gru.call(x, hn);
            gru.call(y, hn);
            gru.call(x.transpose(0, 1), {|RNN003:hn|});
            """,
            parameters: "Tensor x, Tensor y"));

        /// <summary>A bidirectional encoder's h_n has 2 * numLayers layers: it is no state for a one-direction decoder.</summary>
        [Fact]
        public Task BidirectionalFinalStateIntoAOneDirectionDecoder() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var encoder = nn.GRU(10, 20, bidirectional: true);
                var (_, hn) = encoder.call(torch.randn(7, 4, 10));
                var decoder = nn.GRU(10, 20);
                decoder.call(torch.randn(5, 4, 10), {|#0:hn|});
                decoder.call(torch.randn(5, 4, 10), hn[..1]);
                decoder.call(torch.randn(5, 4, 10), hn[-1].unsqueeze(0));
                """),
            Verify.Diagnostic("RNN002").WithLocation(0).WithArguments(
                "h0", "[2, 4, 20]", "GRU", "[1, 4, 20]", "dimension 0 is 2 but must be numLayers * directions = 1 * 1 = 1"));

        /// <summary>
        /// In the loop h and c are written on every step: their shapes are unknown there, but the input's
        /// is known, and so are the states of the steps written out before the loop.
        /// </summary>
        [Fact]
        public Task LstmCellLoopWithExplicitStates() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var cell = nn.LSTMCell(10, 20);
                var x = torch.randn(7, 4, 10);
                var (h1, c1) = cell.call(x[0], (torch.zeros(4, 20), torch.zeros(4, 20)));
                var (h2, c2) = cell.call(x[1], (h1, c1));
                var h = h2;
                var c = c2;
                for (var t = 2; t < 7; t++)
                {
                    (h, c) = cell.call(x[t], (h, c));
                }

                var wide = nn.LSTMCell(20, 30);
                wide.call(h1, (torch.zeros(4, 30), torch.zeros(4, 30)));
                wide.call(h1, ({|#0:h1|}, {|#1:c1|}));
                var narrow = torch.randn(7, 4, 12);
                for (var t = 0; t < 7; t++)
                {
                    (h, c) = cell.call({|#2:narrow[t]|}, (h, c));
                }
                """),
            Verify.Diagnostic("RNN002").WithLocation(0).WithArguments("h0", "[4, 20]", "LSTMCell", "[4, 30]", "dimension 1 is 20 but must be hiddenSize 30"),
            Verify.Diagnostic("RNN002").WithLocation(1).WithArguments("c0", "[4, 20]", "LSTMCell", "[4, 30]", "dimension 1 is 20 but must be hiddenSize 30"),
            Verify.Diagnostic("RNN001").WithLocation(2));

        [Fact]
        public Task RnnCellLoop() => Verify.AnalyzerAsync(Snippet.Method("""
            var cell = nn.GRUCell(10, 20);
            var x = torch.randn(7, 4, 10);
            var h = cell.call(x[0], torch.zeros(4, 20));
            for (var t = 1; t < 7; t++)
            {
                h = cell.call(x[t], h);
            }

            var first = cell.call(x[0], torch.zeros(4, 20));
            cell.call(x[1], first);
            cell.call(torch.randn(3, 10), {|RNN002:first|});
            """));
    }
}
