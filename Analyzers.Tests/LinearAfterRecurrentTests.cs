using System.Threading.Tasks;
using RnnShapeAnalyzers.Tests.Verifiers;
using Xunit;

namespace RnnShapeAnalyzers.Tests
{
    /// <summary>
    /// RNN010: an nn.Linear after a recurrent layer needs in_features D * hiddenSize for the output (or a
    /// step of it) and hiddenSize for h_n, c_n or a slice of them.
    /// </summary>
    public class LinearAfterRecurrentTests
    {
        [Fact]
        public Task HeadOnABidirectionalOutputBuiltWithHiddenSize() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var gru = nn.GRU(10, 20, batchFirst: true, bidirectional: true);
                var head = nn.Linear(20, 5);
                var (output, _) = gru.call(torch.randn(4, 7, 10));
                head.call({|#0:output|});
                """),
            Verify.Diagnostic("RNN010").WithLocation(0).WithMessage(
                "The output of GRU has 40 features (bidirectional GRU: 2 * hiddenSize 20) but Linear reads it with in_features 20; expected in_features 40"));

        [Fact]
        public Task HeadOnTheLastHiddenStateBuiltWithTwiceHiddenSize() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var lstm = nn.LSTM(10, 20, numLayers: 2, bidirectional: true);
                var head = nn.Linear(40, 5);
                var (_, hN, _) = lstm.call(torch.randn(5, 4, 10));
                head.call({|#0:hN[-1]|});
                """),
            Verify.Diagnostic("RNN010").WithLocation(0).WithMessage(
                "The final state of LSTM has 20 features (bidirectional LSTM: hiddenSize 20 per direction) but Linear reads it with in_features 40; expected in_features 20"));

        [Fact]
        public Task LastTimeStepOfABatchFirstOutput() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var lstm = nn.LSTM(10, 20, bidirectional: true, batchFirst: true);
                var head = nn.Linear(20, 5);
                var (output, _, _) = lstm.call(torch.randn(4, 7, 10));
                head.forward({|#0:output[TensorIndex.Colon, -1, TensorIndex.Colon]|});
                """),
            Verify.Diagnostic("RNN010").WithLocation(0).WithArguments("The output of LSTM", "40", "bidirectional LSTM: 2 * hiddenSize 20", "Linear", "20"));

        [Fact]
        public Task CellStateOfAnLstm() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var lstm = nn.LSTM(10, 20);
                var head = nn.Linear(10, 5);
                var (_, _, cN) = lstm.call(torch.randn(5, 4, 10));
                head.call({|#0:cN[0]|});
                """),
            Verify.Diagnostic("RNN010").WithLocation(0).WithArguments("The final state of LSTM", "20", "LSTM: hiddenSize 20", "Linear", "10"));

        [Fact]
        public Task NewHiddenStateOfACell() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var cell = nn.GRUCell(4, 6);
                var head = nn.Linear(4, 2);
                var h = cell.forward(torch.randn(3, 4), torch.zeros(3, 6));
                head.call({|#0:nn.functional.relu(h)|});
                """),
            Verify.Diagnostic("RNN010").WithLocation(0).WithArguments("The output of GRUCell", "6", "GRUCell: hiddenSize 6", "Linear", "4"));

        [Fact]
        public Task LayersInFieldsAreNamedWithTheirOrigins() => Verify.AnalyzerAsync(
            """
            using TorchSharp;
            using static TorchSharp.torch;

            sealed class Classifier : nn.Module<Tensor, Tensor>
            {
                private readonly TorchSharp.Modules.LSTM encoder;
                private readonly TorchSharp.Modules.Linear head;

                public Classifier() : base(nameof(Classifier))
                {
                    encoder = nn.LSTM(10, 20, bidirectional: true, batchFirst: true);
                    head = nn.Linear(20, 5);
                    RegisterComponents();
                }

                public override Tensor forward(Tensor input)
                {
                    var (output, _, _) = encoder.call(input);
                    return head.call({|#0:output[TensorIndex.Colon, -1, TensorIndex.Colon]|});
                }
            }
            """,
            Verify.Diagnostic("RNN010").WithLocation(0).WithMessage(
                "The output of LSTM in field `encoder` set in the constructor at line 11 has 40 features (bidirectional LSTM: 2 * hiddenSize 20) but Linear in field `head` set in the constructor at line 12 reads it with in_features 20; expected in_features 40"));

        [Fact]
        public Task MatchingInFeaturesAreSilent() => Verify.AnalyzerAsync(Snippet.Method("""
            var lstm = nn.LSTM(10, 20, numLayers: 2, bidirectional: true, batchFirst: true);
            var (output, hN, cN) = lstm.call(torch.randn(4, 7, 10));
            nn.Linear(40, 5).call(output);
            nn.Linear(40, 5).call(output[TensorIndex.Colon, -1, TensorIndex.Colon]);
            nn.Linear(20, 5).call(hN[-1]);
            nn.Linear(20, 5).call(cN);
            """));

        /// <summary>Both directions of h_n concatenated have 2 * hiddenSize features, which the head is built for.</summary>
        [Fact]
        public Task ConcatenatedDirectionsAreSilent() => Verify.AnalyzerAsync(Snippet.Method("""
            var gru = nn.GRU(10, 20, bidirectional: true);
            var (_, hN) = gru.call(torch.randn(5, 4, 10));
            var head = nn.Linear(40, 5);
            head.call(torch.cat(new[] { hN[-2], hN[-1] }, 1));
            """));

        [Fact]
        public Task UnknownSizesAreSilent() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var gru = nn.GRU(10, 20, bidirectional: bidirectional);
                var (output, _) = gru.call(torch.randn(5, 4, 10));
                nn.Linear(20, 5).call(output);
                var known = nn.GRU(10, 20, bidirectional: true);
                var (knownOutput, _) = known.call(torch.randn(5, 4, 10));
                nn.Linear(inFeatures, 5).call(knownOutput);
                """,
                parameters: "bool bidirectional, long inFeatures"));

        /// <summary>Only inputs that come from a recurrent layer are checked; the rule is about the recurrent output.</summary>
        [Fact]
        public Task OtherInputsAreNotChecked() => Verify.AnalyzerAsync(Snippet.Method("""
            var head = nn.Linear(20, 5);
            head.call(torch.randn(4, 30));
            var embedding = nn.Embedding(100, 16);
            head.call(embedding.call(torch.zeros(4, 7, dtype: ScalarType.Int64)));
            """));
    }
}
