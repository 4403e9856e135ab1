using System.Threading;
using System.Threading.Tasks;
using RnnShapeAnalyzers.CodeFixes;
using RnnShapeAnalyzers.Tests.Verifiers;
using Xunit;
using VerifyFix = RnnShapeAnalyzers.Tests.Verifiers.Verify<RnnShapeAnalyzers.CodeFixes.BatchFirstMixUpCodeFixProvider>;

namespace RnnShapeAnalyzers.Tests
{
    /// <summary>RNN003 fixes: flip batchFirst (first, when it makes every call of the layer valid), or give the state the input's batch.</summary>
    public class BatchFirstMixUpCodeFixTests
    {
        [Fact]
        public Task FlipsAnExplicitTrueToFalse() => VerifyFix.CodeFixAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20, batchFirst: true);
                rnn.call(torch.randn(10, 32, 10), {|RNN003:torch.zeros(1, 32, 20)|});
                """),
            Snippet.Method("""
                var rnn = nn.RNN(10, 20, batchFirst: false);
                rnn.call(torch.randn(10, 32, 10), torch.zeros(1, 32, 20));
                """),
            BatchFirstMixUpCodeFixProvider.FlipBatchFirst);

        [Fact]
        public Task FlipsAnExplicitFalseToTrue() => VerifyFix.CodeFixAsync(
            Snippet.Method("""
                var gru = nn.GRU(10, 20, batchFirst: false, bidirectional: true);
                gru.forward(torch.randn(32, 10, 10), {|RNN003:torch.zeros(2, 32, 20)|});
                """),
            Snippet.Method("""
                var gru = nn.GRU(10, 20, batchFirst: true, bidirectional: true);
                gru.forward(torch.randn(32, 10, 10), torch.zeros(2, 32, 20));
                """),
            BatchFirstMixUpCodeFixProvider.FlipBatchFirst);

        [Fact]
        public Task FlipsABatchFirstGivenAsAConstant() => VerifyFix.CodeFixAsync(
            Snippet.Method(
                """
                var rnn = nn.RNN(10, 20, batchFirst: BatchFirst);
                rnn.call(torch.randn(10, 32, 10), {|RNN003:torch.zeros(1, 32, 20)|});
                """,
                members: "    const bool BatchFirst = true;\n"),
            Snippet.Method(
                """
                var rnn = nn.RNN(10, 20, batchFirst: false);
                rnn.call(torch.randn(10, 32, 10), torch.zeros(1, 32, 20));
                """,
                members: "    const bool BatchFirst = true;\n"),
            BatchFirstMixUpCodeFixProvider.FlipBatchFirst);

        [Fact]
        public Task AddsBatchFirstTrueWhenItIsAbsent() => VerifyFix.CodeFixAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                rnn.call(torch.randn(32, 10, 10), {|RNN003:torch.zeros(1, 32, 20)|});
                """),
            Snippet.Method("""
                var rnn = nn.RNN(10, 20, batchFirst: true);
                rnn.call(torch.randn(32, 10, 10), torch.zeros(1, 32, 20));
                """),
            BatchFirstMixUpCodeFixProvider.FlipBatchFirst);

        [Fact]
        public Task AddsBatchFirstAfterNamedArguments() => VerifyFix.CodeFixAsync(
            Snippet.Method("""
                var lstm = nn.LSTM(hiddenSize: 20, inputSize: 10, numLayers: 2);
                lstm.call(torch.randn(32, 10, 10), ({|RNN003:torch.zeros(2, 32, 20)|}, {|RNN003:torch.zeros(2, 32, 20)|}));
                """),
            Snippet.Method("""
                var lstm = nn.LSTM(hiddenSize: 20, inputSize: 10, numLayers: 2, batchFirst: true);
                lstm.call(torch.randn(32, 10, 10), (torch.zeros(2, 32, 20), torch.zeros(2, 32, 20)));
                """),
            BatchFirstMixUpCodeFixProvider.FlipBatchFirst);

        [Fact]
        public Task RewriteStateBatchIsTheSecondFix() => VerifyFix.CodeFixAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20, batchFirst: true);
                var h0 = torch.zeros(1, 32, 20);
                rnn.call(torch.randn(10, 32, 10), {|RNN003:h0|});
                """),
            Snippet.Method("""
                var rnn = nn.RNN(10, 20, batchFirst: true);
                var h0 = torch.zeros(1, 10, 20);
                rnn.call(torch.randn(10, 32, 10), h0);
                """),
            BatchFirstMixUpCodeFixProvider.RewriteStateBatch,
            codeActionIndex: 1);

        /// <summary>Flipping batchFirst would make the second call, which is right, read a batch of 7.</summary>
        [Fact]
        public Task FlipIsNotOfferedWhenAnotherCallOfTheLayerWouldBreak() => VerifyFix.CodeFixAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20, batchFirst: true);
                rnn.call(torch.randn(10, 32, 10), {|RNN003:torch.zeros(1, 32, 20)|});
                rnn.call(torch.randn(4, 7, 10), torch.zeros(1, 4, 20));
                """),
            Snippet.Method("""
                var rnn = nn.RNN(10, 20, batchFirst: true);
                rnn.call(torch.randn(10, 32, 10), torch.zeros(1, 10, 20));
                rnn.call(torch.randn(4, 7, 10), torch.zeros(1, 4, 20));
                """),
            BatchFirstMixUpCodeFixProvider.RewriteStateBatch,
            codeActionIndex: 0);

        [Fact]
        public Task AskingForTheFlipChangesNothingWhenAnotherCallWouldBreak() => VerifyFix.NoCodeFixAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20, batchFirst: true);
                rnn.call(torch.randn(10, 32, 10), {|RNN003:torch.zeros(1, 32, 20)|});
                rnn.call(torch.randn(4, 7, 10), torch.zeros(1, 4, 20));
                """),
            BatchFirstMixUpCodeFixProvider.FlipBatchFirst);

        [Fact]
        public Task FlipFixesTheStateAndLeavesAnInputSizeProblemToRnn001() => VerifyFix.CodeFixAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20, batchFirst: true);
                rnn.call({|RNN001:torch.randn(10, 32, 5)|}, {|RNN003:torch.zeros(1, 32, 20)|});
                """),
            Snippet.Method("""
                var rnn = nn.RNN(10, 20, batchFirst: false);
                rnn.call({|RNN001:torch.randn(10, 32, 5)|}, torch.zeros(1, 32, 20));
                """),
            BatchFirstMixUpCodeFixProvider.FlipBatchFirst);

        /// <summary>The state is right for the sequence-first layer; giving it batch 10 would break that call.</summary>
        [Fact]
        public Task RewriteStateBatchIsNotOfferedWhenTheStateIsSharedWithACallItFits() => VerifyFix.NoCodeFixAsync(
            Snippet.Method("""
                var batchFirst = nn.RNN(10, 20, batchFirst: true);
                var sequenceFirst = nn.RNN(10, 20);
                var x = torch.randn(10, 32, 10);
                var h0 = torch.zeros(1, 32, 20);
                batchFirst.call(x, {|RNN003:h0|});
                sequenceFirst.call(x, h0);
                """),
            BatchFirstMixUpCodeFixProvider.RewriteStateBatch);

        [Fact]
        public Task LstmH0AndC0AreFixedTogetherWithOneExplicitArgument()
        {
            var test = new VerifyFix.Test
            {
                TestCode = Snippet.Method("""
                    var lstm = nn.LSTM(10, 20, batchFirst: true);
                    var h0 = torch.zeros(1, 32, 20);
                    var c0 = torch.zeros(1, 32, 20);
                    lstm.call(torch.randn(10, 32, 10), ({|RNN003:h0|}, {|RNN003:c0|}));
                    """),
                FixedCode = Snippet.Method("""
                    var lstm = nn.LSTM(10, 20, batchFirst: false);
                    var h0 = torch.zeros(1, 32, 20);
                    var c0 = torch.zeros(1, 32, 20);
                    lstm.call(torch.randn(10, 32, 10), (h0, c0));
                    """),
                CodeActionEquivalenceKey = BatchFirstMixUpCodeFixProvider.FlipBatchFirst,
                CodeActionIndex = 0,
                NumberOfIncrementalIterations = 1,
                NumberOfFixAllIterations = 1,
            };
            return test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task LstmH0AndC0FixAllAddsBatchFirstOnlyOnce()
        {
            var test = new VerifyFix.Test
            {
                TestCode = Snippet.Method("""
                    var lstm = nn.LSTM(10, 20);
                    var state = (torch.zeros(1, 32, 20), torch.zeros(1, 32, 20));
                    lstm.call(torch.randn(32, 10, 10), {|#0:state|});
                    """),
                FixedCode = Snippet.Method("""
                    var lstm = nn.LSTM(10, 20, batchFirst: true);
                    var state = (torch.zeros(1, 32, 20), torch.zeros(1, 32, 20));
                    lstm.call(torch.randn(32, 10, 10), state);
                    """),
                CodeActionEquivalenceKey = BatchFirstMixUpCodeFixProvider.FlipBatchFirst,
                CodeActionIndex = 0,
                NumberOfIncrementalIterations = 1,
                NumberOfFixAllIterations = 1,
            };
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RNN003").WithLocation(0).WithArguments("h0", "32", "10", "false", "1", "[32, 10, 10]", "[1, 10, 20]", ", or set batchFirst: true"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RNN003").WithLocation(0).WithArguments("c0", "32", "10", "false", "1", "[32, 10, 10]", "[1, 10, 20]", ", or set batchFirst: true"));
            return test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task FixAllRewritesEveryStateBatchInTheDocument()
        {
            var test = new VerifyFix.Test
            {
                TestCode = Snippet.Method("""
                    var rnn = nn.RNN(10, 20, batchFirst: true);
                    var lstm = nn.LSTM(10, 20);
                    rnn.call(torch.randn(10, 32, 10), {|RNN003:torch.zeros(1, 32, 20)|});
                    lstm.call(torch.randn(32, 10, 10), ({|RNN003:torch.zeros(1, 32, 20)|}, {|RNN003:torch.zeros([1, 32, 20])|}));
                    """),
                FixedCode = Snippet.Method("""
                    var rnn = nn.RNN(10, 20, batchFirst: true);
                    var lstm = nn.LSTM(10, 20);
                    rnn.call(torch.randn(10, 32, 10), torch.zeros(1, 10, 20));
                    lstm.call(torch.randn(32, 10, 10), (torch.zeros(1, 10, 20), torch.zeros([1, 10, 20])));
                    """),
                // No index: once one LSTM state is rewritten, flipping batchFirst would break it, so
                // the flip is no longer offered for the other and RewriteStateBatch moves to index 0.
                CodeActionEquivalenceKey = BatchFirstMixUpCodeFixProvider.RewriteStateBatch,
                NumberOfIncrementalIterations = 3,
                NumberOfFixAllIterations = 1,
            };
            return test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task FixAllFlipsLayersInEveryDocumentOfTheProject()
        {
            var test = new VerifyFix.Test
            {
                CodeActionEquivalenceKey = BatchFirstMixUpCodeFixProvider.FlipBatchFirst,
                CodeActionIndex = 0,
                NumberOfIncrementalIterations = 3,
                NumberOfFixAllInDocumentIterations = 2,
                NumberOfFixAllInProjectIterations = 1,
                NumberOfFixAllIterations = 1,
            };
            test.TestState.Sources.Add(Snippet.Method("""
                var rnn = nn.RNN(10, 20, batchFirst: true);
                var gru = nn.GRU(10, 20);
                rnn.call(torch.randn(10, 32, 10), {|RNN003:torch.zeros(1, 32, 20)|});
                gru.call(torch.randn(32, 10, 10), {|RNN003:torch.zeros(1, 32, 20)|});
                """));
            test.TestState.Sources.Add(Snippet.Method(
                """
                var lstm = nn.LSTM(10, 20, batchFirst: true);
                var state = torch.zeros(1, 32, 20);
                lstm.call(torch.randn(10, 32, 10), ({|RNN003:state|}, {|RNN003:state|}));
                """,
                className: "D"));
            test.FixedState.Sources.Add(Snippet.Method("""
                var rnn = nn.RNN(10, 20, batchFirst: false);
                var gru = nn.GRU(10, 20, batchFirst: true);
                rnn.call(torch.randn(10, 32, 10), torch.zeros(1, 32, 20));
                gru.call(torch.randn(32, 10, 10), torch.zeros(1, 32, 20));
                """));
            test.FixedState.Sources.Add(Snippet.Method(
                """
                var lstm = nn.LSTM(10, 20, batchFirst: false);
                var state = torch.zeros(1, 32, 20);
                lstm.call(torch.randn(10, 32, 10), (state, state));
                """,
                className: "D"));
            return test.RunAsync(CancellationToken.None);
        }
    }
}
