using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using RnnShapeAnalyzers.CodeFixes;
using RnnShapeAnalyzers.Tests.Verifiers;
using Xunit;
using VerifyFix = RnnShapeAnalyzers.Tests.Verifiers.Verify<RnnShapeAnalyzers.CodeFixes.HiddenStateShapeCodeFixProvider>;

namespace RnnShapeAnalyzers.Tests
{
    /// <summary>RNN002 fix: rewrite the state's dimensions to (numLayers * directions, batch, hiddenSize).</summary>
    public class HiddenStateShapeCodeFixTests
    {
        [Fact]
        public Task RewritesTheWrongDimension() => VerifyFix.CodeFixAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                var h0 = torch.zeros(1, 3, 30);
                rnn.call(torch.randn(5, 3, 10), {|RNN002:h0|});
                """),
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                var h0 = torch.zeros(1, 3, 20);
                rnn.call(torch.randn(5, 3, 10), h0);
                """),
            HiddenStateShapeCodeFixProvider.RewriteStateShape);

        [Fact]
        public Task RewritesEveryWrongDimensionAndKeepsTheRest() => VerifyFix.CodeFixAsync(
            Snippet.Method(
                """
                var gru = nn.GRU(10, 20, numLayers: 2, bidirectional: true);
                gru.forward(torch.randn(5, 3, 10), {|RNN002:torch.zeros(Layers, 4, Hidden, dtype: torch.float32)|});
                """,
                members: "    const int Layers = 2, Hidden = 30;\n"),
            Snippet.Method(
                """
                var gru = nn.GRU(10, 20, numLayers: 2, bidirectional: true);
                gru.forward(torch.randn(5, 3, 10), torch.zeros(4, 3, 20, dtype: torch.float32));
                """,
                members: "    const int Layers = 2, Hidden = 30;\n"),
            HiddenStateShapeCodeFixProvider.RewriteStateShape);

        [Fact]
        public Task RewritesALstmCellStateInATupleLocal() => VerifyFix.CodeFixAsync(
            Snippet.Method("""
                var lstm = nn.LSTM(10, 20);
                var state = (torch.zeros(1, 3, 20), torch.zeros([1, 3, 21]));
                lstm.call(torch.randn(5, 3, 10), {|RNN002:state|});
                """),
            Snippet.Method("""
                var lstm = nn.LSTM(10, 20);
                var state = (torch.zeros(1, 3, 20), torch.zeros([1, 3, 20]));
                lstm.call(torch.randn(5, 3, 10), state);
                """),
            HiddenStateShapeCodeFixProvider.RewriteStateShape);

        [Fact]
        public Task RewritesOnlyTheKnownDimensionsWhenBatchFirstIsUnknown() => VerifyFix.CodeFixAsync(
            Snippet.Method(
                """
                var rnn = nn.RNN(10, 20, batchFirst: batchFirst);
                rnn.call(torch.randn(5, 3, 10), {|RNN002:torch.zeros(new long[] { 2, 7, 30 })|});
                """,
                parameters: "bool batchFirst"),
            Snippet.Method(
                """
                var rnn = nn.RNN(10, 20, batchFirst: batchFirst);
                rnn.call(torch.randn(5, 3, 10), torch.zeros(new long[] { 1, 7, 20 }));
                """,
                parameters: "bool batchFirst"),
            HiddenStateShapeCodeFixProvider.RewriteStateShape);

        /// <summary>
        /// A state whose dimension list is still being typed proves nothing: no RNN002, so no fix. Before,
        /// the zero-width syntax of the missing element reached this fix as a dimension to rewrite; the fix
        /// replaced the whole initializer by a literal and threw InvalidCastException (found by the fuzz test).
        /// </summary>
        [Fact]
        public Task NoDiagnosticAndNoFixForAStateWithAMissingDimension()
        {
            var source = Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                rnn.call(torch.randn(5, 3, 10), torch.zeros(new long[] { , 3, 30 }));
                """);
            var test = new VerifyFix.Test
            {
                TestCode = source,
                FixedCode = source,
                CodeActionEquivalenceKey = HiddenStateShapeCodeFixProvider.RewriteStateShape,
                CompilerDiagnostics = CompilerDiagnostics.None,
            };
            return test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task NoFixForAStateOfTheWrongRank()
        {
            var source = Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                rnn.call(torch.randn(5, 3, 10), {|RNN002:torch.zeros(3, 20)|});
                """);
            return VerifyFix.NoCodeFixAsync(source, HiddenStateShapeCodeFixProvider.RewriteStateShape);
        }

        /// <summary>h0 is right for the second layer; rewriting it for the first would break that call.</summary>
        [Fact]
        public Task NoFixWhenTheStateIsSharedWithACallItFits() => VerifyFix.NoCodeFixAsync(
            Snippet.Method("""
                var wide = nn.RNN(10, 30);
                var narrow = nn.RNN(10, 20);
                var x = torch.randn(5, 3, 10);
                var h0 = torch.zeros(1, 3, 20);
                wide.call(x, {|RNN002:h0|});
                narrow.call(x, h0);
                """),
            HiddenStateShapeCodeFixProvider.RewriteStateShape);

        [Fact]
        public Task AStateSharedByCallsThatAllNeedTheSameShapeIsRewritten() => VerifyFix.CodeFixAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                var gru = nn.GRU(10, 20);
                var x = torch.randn(5, 3, 10);
                var h0 = torch.zeros(1, 3, 30);
                rnn.call(x, {|RNN002:h0|});
                gru.call(x, {|RNN002:h0|});
                """),
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                var gru = nn.GRU(10, 20);
                var x = torch.randn(5, 3, 10);
                var h0 = torch.zeros(1, 3, 20);
                rnn.call(x, h0);
                gru.call(x, h0);
                """),
            HiddenStateShapeCodeFixProvider.RewriteStateShape);

        [Fact]
        public Task OneTensorUsedAsH0AndC0IsRewrittenOnce()
        {
            var test = new VerifyFix.Test
            {
                TestCode = Snippet.Method("""
                    var lstm = nn.LSTM(10, 20, numLayers: 2);
                    var state = torch.zeros(1, 3, 20);
                    lstm.call(torch.randn(5, 3, 10), ({|RNN002:state|}, {|RNN002:state|}));
                    """),
                FixedCode = Snippet.Method("""
                    var lstm = nn.LSTM(10, 20, numLayers: 2);
                    var state = torch.zeros(2, 3, 20);
                    lstm.call(torch.randn(5, 3, 10), (state, state));
                    """),
                CodeActionEquivalenceKey = HiddenStateShapeCodeFixProvider.RewriteStateShape,
                NumberOfIncrementalIterations = 1,
                NumberOfFixAllIterations = 1,
            };
            return test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task FixAllRewritesEveryStateInTheDocument()
        {
            var test = new VerifyFix.Test
            {
                TestCode = Snippet.Method("""
                    var rnn = nn.RNN(10, 20);
                    var lstm = nn.LSTM(10, 20, bidirectional: true);
                    var x = torch.randn(5, 3, 10);
                    rnn.call(x, {|RNN002:torch.zeros(1, 3, 30)|});
                    rnn.forward(x, {|RNN002:torch.zeros(2, 3, 20)|});
                    lstm.call(x, ({|RNN002:torch.zeros(1, 3, 20)|}, {|RNN002:torch.zeros(2, 4, 20)|}));
                    """),
                FixedCode = Snippet.Method("""
                    var rnn = nn.RNN(10, 20);
                    var lstm = nn.LSTM(10, 20, bidirectional: true);
                    var x = torch.randn(5, 3, 10);
                    rnn.call(x, torch.zeros(1, 3, 20));
                    rnn.forward(x, torch.zeros(1, 3, 20));
                    lstm.call(x, (torch.zeros(2, 3, 20), torch.zeros(2, 3, 20)));
                    """),
                CodeActionEquivalenceKey = HiddenStateShapeCodeFixProvider.RewriteStateShape,
                NumberOfIncrementalIterations = 4,
                NumberOfFixAllIterations = 1,
            };
            return test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task FixAllRewritesStatesInEveryDocumentOfTheProject()
        {
            var test = new VerifyFix.Test
            {
                CodeActionEquivalenceKey = HiddenStateShapeCodeFixProvider.RewriteStateShape,
                NumberOfIncrementalIterations = 2,
                NumberOfFixAllInDocumentIterations = 2,
                NumberOfFixAllInProjectIterations = 1,
                NumberOfFixAllIterations = 1,
            };
            test.TestState.Sources.Add(Snippet.Method("""
                var gru = nn.GRU(10, 20);
                gru.call(torch.randn(5, 3, 10), {|RNN002:torch.zeros(1, 3, 30)|});
                """));
            test.TestState.Sources.Add(Snippet.Method(
                """
                var rnn = nn.RNN(10, 20, numLayers: 3);
                rnn.call(torch.randn(5, 3, 10), {|RNN002:torch.zeros(1, 3, 20)|});
                """,
                className: "D"));
            test.FixedState.Sources.Add(Snippet.Method("""
                var gru = nn.GRU(10, 20);
                gru.call(torch.randn(5, 3, 10), torch.zeros(1, 3, 20));
                """));
            test.FixedState.Sources.Add(Snippet.Method(
                """
                var rnn = nn.RNN(10, 20, numLayers: 3);
                rnn.call(torch.randn(5, 3, 10), torch.zeros(3, 3, 20));
                """,
                className: "D"));
            return test.RunAsync(CancellationToken.None);
        }
    }
}
