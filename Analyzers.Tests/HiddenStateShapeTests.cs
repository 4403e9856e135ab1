using System.Threading.Tasks;
using RnnShapeAnalyzers.Tests.Verifiers;
using Xunit;

namespace RnnShapeAnalyzers.Tests
{
    /// <summary>RNN002: h0 (and c0) must be (numLayers * directions, batch, hiddenSize), whatever batchFirst is.</summary>
    public class HiddenStateShapeTests
    {
        [Fact]
        public Task MessageNamesTheStateTheExpectedShapeAndTheReason() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                var x = torch.randn(5, 3, 10);
                var h0 = torch.zeros(1, 3, 30);
                rnn.call(x, {|#0:h0|});
                """),
            Verify.Diagnostic("RNN002").WithLocation(0).WithMessage(
                "h0 has shape [1, 3, 30] but the RNN expects [1, 3, 20]: dimension 2 is 30 but must be hiddenSize 20"));

        [Fact]
        public Task WrongLayerCountNamesTheProduct() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var gru = nn.GRU(10, 20, numLayers: 2);
                gru.call(torch.randn(5, 3, 10), {|#0:torch.zeros(1, 3, 20)|});
                """),
            Verify.Diagnostic("RNN002").WithLocation(0).WithMessage(
                "h0 has shape [1, 3, 20] but the GRU expects [2, 3, 20]: dimension 0 is 1 but must be numLayers * directions = 2 * 1 = 2"));

        [Fact]
        public Task BidirectionalDoublesTheLayerDimension() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var gru = nn.GRU(10, 20, bidirectional: true);
                gru.call(torch.randn(5, 3, 10), {|#0:torch.zeros(1, 3, 20)|});
                """),
            Verify.Diagnostic("RNN002").WithLocation(0).WithArguments(
                "h0", "[1, 3, 20]", "GRU", "[2, 3, 20]", "dimension 0 is 1 but must be numLayers * directions = 1 * 2 = 2"));

        [Fact]
        public Task StackedBidirectionalLstm() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var lstm = nn.LSTM(10, 20, numLayers: 3, bidirectional: true);
                var h0 = torch.zeros(3, 3, 20);
                var c0 = torch.zeros(6, 3, 20);
                lstm.call(torch.randn(5, 3, 10), ({|#0:h0|}, c0));
                """),
            Verify.Diagnostic("RNN002").WithLocation(0).WithArguments(
                "h0", "[3, 3, 20]", "LSTM", "[6, 3, 20]", "dimension 0 is 3 but must be numLayers * directions = 3 * 2 = 6"));

        [Fact]
        public Task WrongBatchThatIsNotTheOtherLeadingDimension() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                rnn.call(torch.randn(5, 3, 10), {|#0:torch.zeros(1, 4, 20)|});
                """),
            Verify.Diagnostic("RNN002").WithLocation(0).WithArguments(
                "h0", "[1, 4, 20]", "RNN", "[1, 3, 20]", "dimension 1 is 4 but must be the batch size 3 (dimension 1 of the input, since batchFirst is false)"));

        [Fact]
        public Task BatchFirstInputTakesTheBatchFromDimensionZero() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20, batchFirst: true);
                rnn.call(torch.randn(3, 5, 10), {|#0:torch.zeros(1, 4, 20)|});
                """),
            Verify.Diagnostic("RNN002").WithLocation(0).WithArguments(
                "h0", "[1, 4, 20]", "RNN", "[1, 3, 20]", "dimension 1 is 4 but must be the batch size 3 (dimension 0 of the input, since batchFirst is true)"));

        [Fact]
        public Task MixedUpBatchWithAnotherWrongDimensionIsRnn002WithAHint() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                rnn.call(torch.randn(5, 3, 10), {|#0:torch.zeros(1, 5, 30)|});
                """),
            Verify.Diagnostic("RNN002").WithLocation(0).WithArguments(
                "h0",
                "[1, 5, 30]",
                "RNN",
                "[1, 3, 20]",
                "dimension 1 is 5 but must be the batch size 3 (dimension 1 of the input, since batchFirst is false); 5 is the input's dimension 0, as if batchFirst were true; dimension 2 is 30 but must be hiddenSize 20"));

        [Fact]
        public Task StateLaidOutBatchFirstIsExplained() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20, numLayers: 2, batchFirst: true);
                rnn.call(torch.randn(4, 7, 10), {|#0:torch.zeros(4, 2, 20)|});
                """),
            Verify.Diagnostic("RNN002").WithLocation(0).WithArguments(
                "h0",
                "[4, 2, 20]",
                "RNN",
                "[2, 4, 20]",
                "dimension 0 is 4 but must be numLayers * directions = 2 * 1 = 2 (it is laid out as (batch, numLayers * directions, hiddenSize); a state keeps the batch in dimension 1 whatever batchFirst is); dimension 1 is 2 but must be the batch size 4 (dimension 0 of the input, since batchFirst is true)"));

        [Fact]
        public Task StateOfWrongRank() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var gru = nn.GRU(10, 20);
                gru.call(torch.randn(5, 3, 10), {|#0:torch.zeros(3, 20)|});
                """),
            Verify.Diagnostic("RNN002").WithLocation(0).WithArguments(
                "h0", "[3, 20]", "GRU", "[1, 3, 20]", "it has 2 dimensions but a state always has 3: (numLayers * directions, batch, hiddenSize), whatever batchFirst is"));

        [Fact]
        public Task LstmCellStateWithInlineTuple() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var lstm = nn.LSTM(10, 20);
                var h0 = torch.zeros(1, 3, 20);
                var c0 = torch.zeros(1, 3, 21);
                lstm.call(torch.randn(5, 3, 10), (h0, {|#0:c0|}));
                """),
            Verify.Diagnostic("RNN002").WithLocation(0).WithArguments("c0", "[1, 3, 21]", "LSTM", "[1, 3, 20]", "dimension 2 is 21 but must be hiddenSize 20"));

        [Fact]
        public Task LstmBothStatesWrongWithTupleLocalAreReportedAtTheCall() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var lstm = nn.LSTM(10, 20);
                var state = (torch.zeros(2, 3, 20), torch.zeros(1, 3, 10));
                lstm.forward(torch.randn(5, 3, 10), {|#0:state|});
                """),
            Verify.Diagnostic("RNN002").WithLocation(0).WithArguments("h0", "[2, 3, 20]", "LSTM", "[1, 3, 20]", "dimension 0 is 2 but must be numLayers * directions = 1 * 1 = 1"),
            Verify.Diagnostic("RNN002").WithLocation(0).WithArguments("c0", "[1, 3, 10]", "LSTM", "[1, 3, 20]", "dimension 2 is 10 but must be hiddenSize 20"));

        /// <summary>One diagnostic per call, each where that call is, not two identical ones on the declaration.</summary>
        [Fact]
        public Task TupleLocalFeedingTwoCallsIsReportedAtEachCall() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var lstm = nn.LSTM(10, 20);
                var state = (torch.zeros(1, 3, 30), torch.zeros(1, 3, 20));
                lstm.call(torch.randn(5, 3, 10), {|#0:state|});
                lstm.forward(torch.randn(7, 3, 10), {|#1:state|});
                """),
            Verify.Diagnostic("RNN002").WithLocation(0).WithArguments("h0", "[1, 3, 30]", "LSTM", "[1, 3, 20]", "dimension 2 is 30 but must be hiddenSize 20"),
            Verify.Diagnostic("RNN002").WithLocation(1).WithArguments("h0", "[1, 3, 30]", "LSTM", "[1, 3, 20]", "dimension 2 is 30 but must be hiddenSize 20"));

        [Fact]
        public Task ConstFieldsConstLocalsAndLocalsAssignedOnce() => Verify.AnalyzerAsync(
            Snippet.Method(
                """
                const int layers = Layers + 1;
                var batch = Batch;
                var lstm = nn.LSTM(10, Hidden, numLayers: Layers);
                lstm.call(torch.randn(5, batch, 10), ({|#0:torch.zeros(layers, batch, Hidden)|}, torch.zeros(Layers, Batch, Hidden)));
                """,
                members: """
                        const int Layers = 2, Batch = 3;
                        const long Hidden = 20;

                    """),
            Verify.Diagnostic("RNN002").WithLocation(0).WithArguments("h0", "[3, 3, 20]", "LSTM", "[2, 3, 20]", "dimension 0 is 3 but must be numLayers * directions = 2 * 1 = 2"));

        [Fact]
        public Task ArithmeticOnLocals() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var hidden = 10;
                var layers = 4;
                var rnn = nn.RNN(10, hidden * 2, numLayers: layers / 2);
                rnn.call(torch.randn(5, 3, 10), {|#0:torch.zeros(layers - 1, 1 + 2, hidden + 10)|});
                """),
            Verify.Diagnostic("RNN002").WithLocation(0).WithArguments("h0", "[3, 3, 20]", "RNN", "[2, 3, 20]", "dimension 0 is 3 but must be numLayers * directions = 2 * 1 = 2"));

        [Fact]
        public Task NamedArgumentsInAnyOrder() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var gru = nn.GRU(numLayers: 2, hiddenSize: 20, inputSize: 10);
                gru.call(torch.randn(5, 3, 10), {|#0:torch.zeros(2, 3, 10)|});
                """),
            Verify.Diagnostic("RNN002").WithLocation(0).WithArguments("h0", "[2, 3, 10]", "GRU", "[2, 3, 20]", "dimension 2 is 10 but must be hiddenSize 20"));

        [Fact]
        public Task DefaultedArgumentsAreOneLayerOneDirectionSequenceFirst() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var gru = nn.GRU(10, 20);
                gru.call(torch.randn(5, 3, 10), {|#0:torch.zeros(2, 3, 20)|});
                gru.call(torch.randn(5, 3, 10), {|#1:torch.zeros(1, 5, 20)|});
                """),
            Verify.Diagnostic("RNN002").WithLocation(0).WithArguments("h0", "[2, 3, 20]", "GRU", "[1, 3, 20]", "dimension 0 is 2 but must be numLayers * directions = 1 * 1 = 1"),
            Verify.Diagnostic("RNN003").WithLocation(1));

        [Fact]
        public Task CallAndForward() => Verify.AnalyzerAsync(Snippet.Method("""
            var rnn = nn.RNN(10, 20);
            var gru = nn.GRU(10, 20);
            var x = torch.randn(5, 3, 10);
            var h0 = torch.zeros(1, 3, 30);
            rnn.call(x, {|RNN002:h0|});
            rnn.forward(x, {|RNN002:h0|});
            gru.call(x, {|RNN002:h0|});
            gru.forward(x, {|RNN002:h0|});
            """));

        [Fact]
        public Task StateDimensionsAsArraysAndCollectionExpressions() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                var x = torch.randn(5, 3, 10);
                rnn.call(x, {|#0:torch.zeros(new long[] { 1, 3, 30 })|});
                rnn.call(x, {|#1:torch.zeros(new[] { 1L, 3L, 30L })|});
                rnn.call(x, {|#2:torch.zeros([1, 3, 30])|});
                """),
            Verify.Diagnostic("RNN002").WithLocation(0).WithArguments("h0", "[1, 3, 30]", "RNN", "[1, 3, 20]", "dimension 2 is 30 but must be hiddenSize 20"),
            Verify.Diagnostic("RNN002").WithLocation(1).WithArguments("h0", "[1, 3, 30]", "RNN", "[1, 3, 20]", "dimension 2 is 30 but must be hiddenSize 20"),
            Verify.Diagnostic("RNN002").WithLocation(2).WithArguments("h0", "[1, 3, 30]", "RNN", "[1, 3, 20]", "dimension 2 is 30 but must be hiddenSize 20"));

        [Fact]
        public Task DtypeAndDeviceArgumentsAreNotDimensions() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var gru = nn.GRU(10, 20, dtype: torch.float32, device: torch.CPU);
                var x = torch.randn(5, 3, 10, dtype: torch.float32);
                gru.call(x, {|#0:torch.zeros(1, 3, 30, dtype: torch.float32, device: torch.CPU)|});
                gru.call(x, torch.zeros(1, 3, 20, torch.float32, torch.CPU));
                """),
            Verify.Diagnostic("RNN002").WithLocation(0).WithArguments("h0", "[1, 3, 30]", "GRU", "[1, 3, 20]", "dimension 2 is 30 but must be hiddenSize 20"));

        [Fact]
        public Task UnknownBatchFirstStillChecksLayersAndHiddenSize() => Verify.AnalyzerAsync(
            Snippet.Method(
                """
                var rnn = nn.RNN(10, 20, batchFirst: batchFirst);
                rnn.call(torch.randn(5, 3, 10), {|#0:torch.zeros(1, 5, 30)|});
                """,
                parameters: "bool batchFirst"),
            Verify.Diagnostic("RNN002").WithLocation(0).WithArguments("h0", "[1, 5, 30]", "RNN", "[1, 5, 20]", "dimension 2 is 30 but must be hiddenSize 20"));

        [Fact]
        public Task UnknownInputStillChecksLayersAndHiddenSize() => Verify.AnalyzerAsync(
            Snippet.Method(
                """
                var lstm = nn.LSTM(10, 20, numLayers: 2);
                lstm.call(input, ({|#0:torch.zeros(2, 3, 30)|}, {|#1:torch.zeros(1, 3, 20)|}));
                """,
                parameters: "Tensor input"),
            Verify.Diagnostic("RNN002").WithLocation(0).WithArguments("h0", "[2, 3, 30]", "LSTM", "[2, 3, 20]", "dimension 2 is 30 but must be hiddenSize 20"),
            Verify.Diagnostic("RNN002").WithLocation(1).WithArguments("c0", "[1, 3, 20]", "LSTM", "[2, 3, 20]", "dimension 0 is 1 but must be numLayers * directions = 2 * 1 = 2"));

        [Fact]
        public Task CorrectStatesAreSilent() => Verify.AnalyzerAsync(Snippet.Method("""
            var rnn = nn.RNN(10, 20, numLayers: 2, batchFirst: true);
            var gru = nn.GRU(10, 20, bidirectional: true);
            var lstm = nn.LSTM(10, 20, numLayers: 2, bidirectional: true);
            rnn.call(torch.randn(3, 5, 10), torch.zeros(2, 3, 20));
            gru.forward(torch.randn(5, 3, 10), torch.zeros(2, 3, 20));
            var state = (torch.zeros(4, 3, 20), torch.zeros(4, 3, 20));
            lstm.call(torch.randn(5, 3, 10), state);
            lstm.forward(torch.randn(5, 3, 10), (torch.zeros([4, 3, 20]), torch.zeros(new long[] { 4, 3, 20 })));
            """));

        [Fact]
        public Task OmittedNullAndDefaultStatesAreNotChecked() => Verify.AnalyzerAsync(Snippet.Method("""
            var rnn = nn.RNN(10, 20);
            var gru = nn.GRU(10, 20);
            var lstm = nn.LSTM(10, 20);
            var x = torch.randn(5, 3, 7);
            rnn.call({|RNN001:x|});
            rnn.call({|RNN001:x|}, null);
            rnn.forward({|RNN001:x|}, null);
            gru.forward({|RNN001:x|}, default);
            lstm.call({|RNN001:x|}, null);
            lstm.forward({|RNN001:x|}, default);
            lstm.call({|RNN001:x|});
            """));

        [Fact]
        public Task LstmStateWithOneNullElementChecksTheOther() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var lstm = nn.LSTM(10, 20);
                lstm.call(torch.randn(5, 3, 10), ({|#0:torch.zeros(1, 3, 30)|}, null));
                lstm.call(torch.randn(5, 3, 10), (null, torch.zeros(1, 3, 20)));
                """),
            Verify.Diagnostic("RNN002").WithLocation(0).WithArguments("h0", "[1, 3, 30]", "LSTM", "[1, 3, 20]", "dimension 2 is 30 but must be hiddenSize 20"));

        [Fact]
        public Task SizesFromParametersAreUnknown() => Verify.AnalyzerAsync(
            Snippet.Method(
                """
                var rnn = nn.RNN(10, 20);
                rnn.call(torch.randn(5, 3, 10), torch.zeros(1, batch, 20));
                rnn.call(torch.randn(5, batch, 10), torch.zeros(1, 4, 20));
                var other = nn.RNN(10, hidden, numLayers: layers);
                other.call(torch.randn(5, 3, 10), torch.zeros(3, 3, 30));
                var maybeBidirectional = nn.GRU(10, 20, bidirectional: bidirectional);
                maybeBidirectional.call(torch.randn(5, 3, 10), torch.zeros(2, 3, 20));
                """,
                parameters: "long batch, long hidden, long layers, bool bidirectional"));

        [Fact]
        public Task SizesFromMethodCallsAreUnknown() => Verify.AnalyzerAsync(Snippet.Method(
            """
            var rnn = nn.RNN(10, 20);
            rnn.call(torch.randn(5, 3, 10), torch.zeros(1, 3, Hidden()));
            rnn.call(torch.randn(5, 3, 10), MakeState());
            rnn.call(torch.randn(5, 3, 10), torch.zeros(1, 3, 30).view(1, 3, 20));
            """,
            members: """
                    static long Hidden() => 20;
                    static Tensor MakeState() => torch.zeros(1, 3, 20);

                """));

        [Fact]
        public Task StateReassignedInABranchIsUnknown() => Verify.AnalyzerAsync(Snippet.Method(
            """
            var rnn = nn.RNN(10, 20);
            var h0 = torch.zeros(1, 3, 30);
            if (flag)
            {
                h0 = torch.zeros(1, 3, 20);
            }

            rnn.call(torch.randn(5, 3, 10), h0);
            var h1 = torch.zeros(1, 3, 20);
            if (flag)
            {
                h1 = torch.zeros(1, 3, 30);
            }

            rnn.call(torch.randn(5, 3, 10), h1);
            """,
            parameters: "bool flag"));

        [Fact]
        public Task StateReassignedInALoopIsUnknown() => Verify.AnalyzerAsync(Snippet.Method("""
            var rnn = nn.RNN(10, 20);
            var h = torch.zeros(1, 3, 30);
            for (var i = 0; i < 2; i++)
            {
                Tensor output;
                (output, h) = rnn.call(torch.randn(5, 3, 10), h);
            }
            """));

        [Fact]
        public Task StatePassedByRefIsUnknown() => Verify.AnalyzerAsync(Snippet.Method(
            """
            var lstm = nn.LSTM(10, 20);
            var h0 = torch.zeros(1, 3, 30);
            var c0 = torch.zeros(1, 3, 30);
            Fix(ref h0);
            Fix(ref c0);
            lstm.call(torch.randn(5, 3, 10), (h0, c0));
            """,
            members: "    static void Fix(ref Tensor t) => t = torch.zeros(1, 3, 20);\n"));

        [Fact]
        public Task StateMutatedInPlaceIsUnknown() => Verify.AnalyzerAsync(Snippet.Method("""
            var rnn = nn.RNN(10, 20);
            var h0 = torch.zeros(3, 1, 20);
            h0.transpose_(0, 1);
            rnn.call(torch.randn(5, 3, 10), h0);
            """));

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public Task LookalikeApiInAnotherNamespaceIsSilent(bool referenceTorchSharp)
            => Verify.NoDiagnosticsAsync(Lookalike.Method("var rnn = nn.RNN(10, 20);\nrnn.call(torch.randn(5, 3, 10), torch.zeros(1, 3, 30));\nvar lstm = nn.LSTM(10, 20);\nlstm.call(torch.randn(5, 3, 10), (torch.zeros(2, 3, 20), torch.zeros(2, 3, 20)));"), referenceTorchSharp);

        [Fact]
        public Task StateMutatedInPlaceThroughAnAliasIsUnknown() => Verify.AnalyzerAsync(Snippet.Method(
            """
            var rnn = nn.RNN(10, 20);
            var h0 = torch.zeros(3, 1, 20);
            var alias = h0;
            alias.transpose_(0, 1);
            rnn.call(torch.randn(5, 3, 10), h0);
            var lstm = nn.LSTM(10, 20);
            var state = (torch.zeros(3, 1, 20), torch.zeros(1, 3, 20));
            state.Item1.transpose_(0, 1);
            lstm.call(torch.randn(5, 3, 10), state);
            var h1 = torch.zeros(3, 1, 20);
            var replaced = h1;
            Keep(ref replaced);
            replaced.transpose_(0, 1);
            rnn.call(torch.randn(5, 3, 10), h1);
            """,
            members: "    static void Keep(ref Tensor t) { }\n"));

        [Fact]
        public Task LayerFromAParameterIsNotChecked() => Verify.AnalyzerAsync(
            Snippet.Method("gru.call(torch.randn(5, 3, 10), torch.zeros(7, 7, 7));", parameters: "GRU gru"));
    }
}
