using System.Threading.Tasks;
using RnnShapeAnalyzers.Tests.Verifiers;
using Xunit;

namespace RnnShapeAnalyzers.Tests
{
    /// <summary>
    /// RNN003: the state's batch is the input's other leading dimension and nothing else of the state is
    /// wrong: the code was written for the opposite batchFirst. It replaces RNN002 for that state.
    /// </summary>
    public class BatchFirstMixUpTests
    {
        [Fact]
        public Task MessageExplainsTheLayoutAndSuggestsTheFlip() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20, batchFirst: true);
                var x = torch.randn(10, 32, 10);
                var h0 = torch.zeros(1, 32, 20);
                rnn.call(x, {|#0:h0|});
                """),
            Verify.Diagnostic("RNN003").WithLocation(0).WithMessage(
                "h0 has batch 32 but the input's batch is 10: batchFirst: true puts the batch in dimension 0 of input [10, 32, 10], and a state always keeps it in dimension 1; expected h0 shape [1, 10, 20], or set batchFirst: false"));

        [Fact]
        public Task SequenceFirstLayerByDefault() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                rnn.call(torch.randn(32, 10, 10), {|#0:torch.zeros(1, 32, 20)|});
                """),
            Verify.Diagnostic("RNN003").WithLocation(0).WithMessage(
                "h0 has batch 32 but the input's batch is 10: batchFirst: false puts the batch in dimension 1 of input [32, 10, 10], and a state always keeps it in dimension 1; expected h0 shape [1, 10, 20], or set batchFirst: true"));

        [Fact]
        public Task ExplicitBatchFirstFalse() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var gru = nn.GRU(10, 20, batchFirst: false);
                gru.call(torch.randn(32, 10, 10), {|#0:torch.zeros(1, 32, 20)|});
                """),
            Verify.Diagnostic("RNN003").WithLocation(0).WithArguments("h0", "32", "10", "false", "1", "[32, 10, 10]", "[1, 10, 20]", ", or set batchFirst: true"));

        [Fact]
        public Task ReplacesRnn002ForThatState() => Verify.AnalyzerAsync(Snippet.Method("""
            var rnn = nn.RNN(10, 20, batchFirst: true);
            rnn.call(torch.randn(10, 32, 10), {|RNN003:torch.zeros(1, 32, 20)|});
            """));

        [Fact]
        public Task LstmBothStatesInlineTuple() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var lstm = nn.LSTM(10, 20, batchFirst: true);
                var h0 = torch.zeros(1, 32, 20);
                var c0 = torch.zeros(1, 32, 20);
                lstm.call(torch.randn(10, 32, 10), ({|#0:h0|}, {|#1:c0|}));
                """),
            Verify.Diagnostic("RNN003").WithLocation(0).WithArguments("h0", "32", "10", "true", "0", "[10, 32, 10]", "[1, 10, 20]", ", or set batchFirst: false"),
            Verify.Diagnostic("RNN003").WithLocation(1).WithArguments("c0", "32", "10", "true", "0", "[10, 32, 10]", "[1, 10, 20]", ", or set batchFirst: false"));

        [Fact]
        public Task LstmStateTupleLocal() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var lstm = nn.LSTM(10, 20, batchFirst: true);
                var state = (torch.zeros(1, 32, 20), torch.zeros(1, 32, 20));
                lstm.forward(torch.randn(10, 32, 10), {|#0:state|});
                """),
            Verify.Diagnostic("RNN003").WithLocation(0).WithArguments("h0", "32", "10", "true", "0", "[10, 32, 10]", "[1, 10, 20]", ", or set batchFirst: false"),
            Verify.Diagnostic("RNN003").WithLocation(0).WithArguments("c0", "32", "10", "true", "0", "[10, 32, 10]", "[1, 10, 20]", ", or set batchFirst: false"));

        [Fact]
        public Task OnlyTheCellStateMixedUpGetsNoFlipSuggestion() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var lstm = nn.LSTM(10, 20, batchFirst: true);
                lstm.call(torch.randn(10, 32, 10), (torch.zeros(1, 10, 20), {|#0:torch.zeros(1, 32, 20)|}));
                """),
            Verify.Diagnostic("RNN003").WithLocation(0).WithArguments("c0", "32", "10", "true", "0", "[10, 32, 10]", "[1, 10, 20]", string.Empty));

        [Fact]
        public Task StackedBidirectional() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var lstm = nn.LSTM(10, 20, numLayers: 2, bidirectional: true, batchFirst: true);
                var state = torch.zeros(4, 32, 20);
                lstm.call(torch.randn(10, 32, 10), ({|#0:state|}, {|#1:state|}));
                """),
            Verify.Diagnostic("RNN003").WithLocation(0).WithArguments("h0", "32", "10", "true", "0", "[10, 32, 10]", "[4, 10, 20]", ", or set batchFirst: false"),
            Verify.Diagnostic("RNN003").WithLocation(1).WithArguments("c0", "32", "10", "true", "0", "[10, 32, 10]", "[4, 10, 20]", ", or set batchFirst: false"));

        [Fact]
        public Task ConstFieldsConstLocalsAndLocalsAssignedOnce() => Verify.AnalyzerAsync(
            Snippet.Method(
                """
                const bool batchFirst = BatchFirst;
                var batch = Batch;
                var gru = nn.GRU(Features, Hidden, batchFirst: batchFirst);
                gru.call(torch.randn(Steps, batch, Features), {|#0:torch.zeros(1, batch, Hidden)|});
                """,
                members: """
                        const bool BatchFirst = true;
                        const int Steps = 10, Batch = 32, Features = 10, Hidden = 20;

                    """),
            Verify.Diagnostic("RNN003").WithLocation(0).WithArguments("h0", "32", "10", "true", "0", "[10, 32, 10]", "[1, 10, 20]", ", or set batchFirst: false"));

        [Fact]
        public Task BatchFirstFromALocalAssignedOnce() => Verify.AnalyzerAsync(Snippet.Method("""
            var batchFirst = true;
            var rnn = nn.RNN(10, 20, batchFirst: batchFirst);
            rnn.call(torch.randn(10, 32, 10), {|RNN003:torch.zeros(1, 32, 20)|});
            """));

        [Fact]
        public Task ArithmeticOnLocals() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var batch = 16;
                var rnn = nn.RNN(10, 20, batchFirst: true);
                rnn.call(torch.randn(batch / 2 + 2, batch * 2, 10), {|#0:torch.zeros(1, batch + batch, 25 - 5)|});
                """),
            Verify.Diagnostic("RNN003").WithLocation(0).WithArguments("h0", "32", "10", "true", "0", "[10, 32, 10]", "[1, 10, 20]", ", or set batchFirst: false"));

        [Fact]
        public Task NamedArgumentsInAnyOrder() => Verify.AnalyzerAsync(Snippet.Method("""
            var gru = nn.GRU(batchFirst: true, hiddenSize: 20, inputSize: 10);
            gru.call(torch.randn(10, 32, 10), {|RNN003:torch.zeros(1, 32, 20)|});
            """));

        [Fact]
        public Task CallAndForward() => Verify.AnalyzerAsync(Snippet.Method("""
            var rnn = nn.RNN(10, 20, batchFirst: true);
            var gru = nn.GRU(10, 20, batchFirst: true);
            var x = torch.randn(10, 32, 10);
            var h0 = torch.zeros(1, 32, 20);
            rnn.call(x, {|RNN003:h0|});
            rnn.forward(x, {|RNN003:h0|});
            gru.forward(x, {|RNN003:h0|});
            """));

        [Fact]
        public Task DimensionsAsArraysAndCollectionExpressions() => Verify.AnalyzerAsync(Snippet.Method("""
            var rnn = nn.RNN(10, 20, batchFirst: true);
            rnn.call(torch.randn(new long[] { 10, 32, 10 }), {|RNN003:torch.zeros(new[] { 1L, 32L, 20L })|});
            rnn.call(torch.randn([10, 32, 10]), {|RNN003:torch.zeros([1, 32, 20])|});
            """));

        [Fact]
        public Task DtypeAndDeviceArgumentsAreNotDimensions() => Verify.AnalyzerAsync(Snippet.Method("""
            var rnn = nn.RNN(10, 20, batchFirst: true, dtype: torch.float32, device: torch.CPU);
            rnn.call(torch.randn(10, 32, 10, torch.float32), {|RNN003:torch.zeros(1, 32, 20, dtype: torch.float32, device: torch.CPU)|});
            """));

        [Fact]
        public Task FlipSuggestedWhenTheInputFeatureSizeIsAlsoWrong() => Verify.AnalyzerAsync(
            // The feature size does not depend on batchFirst: flipping fixes the state, RNN001 is fixed on its own.
            Snippet.Method("""
                var rnn = nn.RNN(10, 20, batchFirst: true);
                rnn.call({|#0:torch.randn(10, 32, 5)|}, {|#1:torch.zeros(1, 32, 20)|});
                """),
            Verify.Diagnostic("RNN001").WithLocation(0),
            Verify.Diagnostic("RNN003").WithLocation(1).WithArguments("h0", "32", "10", "true", "0", "[10, 32, 5]", "[1, 10, 20]", ", or set batchFirst: false"));

        [Fact]
        public Task NoFlipSuggestionWhenAnotherCallOfTheLayerWouldBreak() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20, batchFirst: true);
                rnn.call(torch.randn(10, 32, 10), {|#0:torch.zeros(1, 32, 20)|});
                rnn.call(torch.randn(4, 7, 10), torch.zeros(1, 4, 20));
                """),
            Verify.Diagnostic("RNN003").WithLocation(0).WithArguments("h0", "32", "10", "true", "0", "[10, 32, 10]", "[1, 10, 20]", string.Empty));

        [Fact]
        public Task FlipSuggestedWhenEveryCallOfTheLayerAcceptsIt() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20, batchFirst: true);
                rnn.call(torch.randn(10, 32, 10), {|#0:torch.zeros(1, 32, 20)|});
                rnn.call(torch.randn(4, 7, 10));
                var other = nn.RNN(10, 20, batchFirst: true);
                other.call(torch.randn(4, 7, 10), torch.zeros(1, 4, 20));
                """),
            Verify.Diagnostic("RNN003").WithLocation(0).WithArguments("h0", "32", "10", "true", "0", "[10, 32, 10]", "[1, 10, 20]", ", or set batchFirst: false"));

        [Fact]
        public Task MixedUpBatchWithAWrongHiddenSizeIsRnn002() => Verify.AnalyzerAsync(Snippet.Method("""
            var rnn = nn.RNN(10, 20, batchFirst: true);
            rnn.call(torch.randn(10, 32, 10), {|RNN002:torch.zeros(1, 32, 30)|});
            rnn.call(torch.randn(10, 32, 10), {|RNN002:torch.zeros(2, 32, 20)|});
            """));

        [Fact]
        public Task CorrectStatesForBothLayoutsAreSilent() => Verify.AnalyzerAsync(Snippet.Method("""
            var batchFirst = nn.RNN(10, 20, batchFirst: true);
            var sequenceFirst = nn.RNN(10, 20, batchFirst: false);
            batchFirst.call(torch.randn(32, 10, 10), torch.zeros(1, 32, 20));
            sequenceFirst.call(torch.randn(10, 32, 10), torch.zeros(1, 32, 20));
            var square = nn.LSTM(10, 20, batchFirst: true);
            square.call(torch.randn(8, 8, 10), (torch.zeros(1, 8, 20), torch.zeros(1, 8, 20)));
            """));

        [Fact]
        public Task UnknownBatchFirstIsSilent() => Verify.AnalyzerAsync(Snippet.Method(
            """
            var rnn = nn.RNN(10, 20, batchFirst: batchFirst);
            rnn.call(torch.randn(10, 32, 10), torch.zeros(1, 32, 20));
            rnn.call(torch.randn(10, 32, 10), torch.zeros(1, 10, 20));
            """,
            parameters: "bool batchFirst"));

        [Fact]
        public Task BatchFirstReassignedIsUnknown() => Verify.AnalyzerAsync(Snippet.Method(
            """
            var batchFirst = true;
            if (flag)
            {
                batchFirst = false;
            }

            var rnn = nn.RNN(10, 20, batchFirst: batchFirst);
            rnn.call(torch.randn(10, 32, 10), torch.zeros(1, 32, 20));
            var sequenceFirst = false;
            if (flag)
            {
                sequenceFirst = true;
            }

            var other = nn.RNN(10, 20, batchFirst: sequenceFirst);
            other.call(torch.randn(10, 32, 10), torch.zeros(1, 32, 20));
            """,
            parameters: "bool flag"));

        [Fact]
        public Task UnknownInputBatchIsSilent() => Verify.AnalyzerAsync(Snippet.Method(
            """
            var rnn = nn.RNN(10, 20, batchFirst: true);
            rnn.call(torch.randn(batch, 32, 10), torch.zeros(1, 32, 20));
            rnn.call(torch.randn(Batch(), 32, 10), torch.zeros(1, 32, 20));
            """,
            parameters: "long batch",
            members: "    static long Batch() => 32;\n"));

        [Fact]
        public Task StateReassignedRefOrMutatedIsUnknown() => Verify.AnalyzerAsync(Snippet.Method(
            """
            var rnn = nn.RNN(10, 20, batchFirst: true);
            var x = torch.randn(10, 32, 10);
            var a = torch.zeros(1, 32, 20);
            if (flag)
            {
                a = torch.zeros(1, 10, 20);
            }

            rnn.call(x, a);
            var d = torch.zeros(1, 10, 20);
            if (flag)
            {
                d = torch.zeros(1, 32, 20);
            }

            rnn.call(x, d);
            var b = torch.zeros(1, 32, 20);
            Fix(ref b);
            rnn.call(x, b);
            var c = torch.zeros(10, 1, 20);
            c.transpose_(0, 1);
            rnn.call(x, c);
            """,
            parameters: "bool flag",
            members: "    static void Fix(ref Tensor t) => t = torch.zeros(1, 10, 20);\n"));

        [Fact]
        public Task InputMutatedInPlaceIsUnknown() => Verify.AnalyzerAsync(Snippet.Method("""
            var rnn = nn.RNN(10, 20, batchFirst: true);
            var x = torch.randn(10, 32, 10);
            x.transpose_(0, 1);
            rnn.call(x, torch.zeros(1, 32, 20));
            """));

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public Task LookalikeApiInAnotherNamespaceIsSilent(bool referenceTorchSharp)
            => Verify.NoDiagnosticsAsync(Lookalike.Method("var rnn = nn.RNN(10, 20, batchFirst: true);\nrnn.call(torch.randn(10, 32, 10), torch.zeros(1, 32, 20));\nrnn.forward(torch.randn(10, 32, 10), torch.zeros(1, 32, 20));"), referenceTorchSharp);

        [Fact]
        public Task LayerFromAParameterIsNotChecked() => Verify.AnalyzerAsync(
            Snippet.Method("rnn.call(torch.randn(10, 32, 10), torch.zeros(1, 32, 20));", parameters: "RNN rnn"));
    }
}
