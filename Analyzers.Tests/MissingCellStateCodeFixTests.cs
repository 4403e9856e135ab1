using System.Threading;
using System.Threading.Tasks;
using RnnShapeAnalyzers.CodeFixes;
using RnnShapeAnalyzers.Tests.Verifiers;
using Xunit;
using VerifyFix = RnnShapeAnalyzers.Tests.Verifiers.Verify<RnnShapeAnalyzers.CodeFixes.MissingCellStateCodeFixProvider>;

namespace RnnShapeAnalyzers.Tests
{
    /// <summary>RNN008 fix: pass the zero state TorchSharp 0.107 does not build.</summary>
    public class MissingCellStateCodeFixTests
    {
        [Fact]
        public Task AddsAZeroStatePairToAnLstmCellCall() => VerifyFix.CodeFixAsync(
            Snippet.Method("""
                var cell = nn.LSTMCell(4, 6);
                var x = torch.randn(3, 4);
                var (h, c) = cell.call({|RNN008:x|});
                """),
            Snippet.Method("""
                var cell = nn.LSTMCell(4, 6);
                var x = torch.randn(3, 4);
                var (h, c) = cell.call(x, (zeros(3, 6), zeros(3, 6)));
                """),
            MissingCellStateCodeFixProvider.PassZeroState);

        [Fact]
        public Task ReplacesANullState() => VerifyFix.CodeFixAsync(
            Snippet.Method("""
                var cell = nn.LSTMCell(4, 6);
                cell.forward({|RNN008:torch.randn(2, 4)|}, null);
                """),
            Snippet.Method("""
                var cell = nn.LSTMCell(4, 6);
                cell.forward(torch.randn(2, 4), (zeros(2, 6), zeros(2, 6)));
                """),
            MissingCellStateCodeFixProvider.PassZeroState);

        [Fact]
        public Task UnbatchedInputGetsOneDimensionalStates() => VerifyFix.CodeFixAsync(
            Snippet.Method("""
                var cell = nn.LSTMCell(4, 6);
                cell.call({|RNN008:torch.randn(4)|});
                """),
            Snippet.Method("""
                var cell = nn.LSTMCell(4, 6);
                cell.call(torch.randn(4), (zeros(6), zeros(6)));
                """),
            MissingCellStateCodeFixProvider.PassZeroState);

        /// <summary>RNNCell and GRUCell take a single state tensor, not a pair.</summary>
        [Fact]
        public Task GruCellAndRnnCellGetASingleZeroState() => VerifyFix.CodeFixAsync(
            Snippet.Method("""
                var gru = nn.GRUCell(4, 6);
                var h = gru.forward({|RNN008:torch.randn(4)|});
                var rnn = nn.RNNCell(4, 6);
                var g = rnn.call({|RNN008:torch.randn(4)|}, null);
                """),
            Snippet.Method("""
                var gru = nn.GRUCell(4, 6);
                var h = gru.forward(torch.randn(4), zeros(6));
                var rnn = nn.RNNCell(4, 6);
                var g = rnn.call(torch.randn(4), zeros(6));
                """),
            MissingCellStateCodeFixProvider.PassZeroState);

        [Fact]
        public Task BatchNamedAfterAParametersDimension() => VerifyFix.CodeFixAsync(
            Snippet.Method(
                """
                var cell = nn.LSTMCell(4, 6);
                cell.call({|RNN008:torch.randn(tokens.shape[0], 4)|});
                """,
                parameters: "Tensor tokens"),
            Snippet.Method(
                """
                var cell = nn.LSTMCell(4, 6);
                cell.call(torch.randn(tokens.shape[0], 4), (zeros(tokens.shape[0], 6), zeros(tokens.shape[0], 6)));
                """,
                parameters: "Tensor tokens"),
            MissingCellStateCodeFixProvider.PassZeroState);

        /// <summary>A batch the code cannot name is read back from the input, when reading it again computes nothing.</summary>
        [Fact]
        public Task UnnamedBatchIsReadFromTheInput() => VerifyFix.CodeFixAsync(
            Snippet.Method(
                """
                var cell = nn.LSTMCell(4, 6);
                var step = torch.randn(batch, 4);
                cell.call({|RNN008:step|});
                """,
                parameters: "long batch"),
            Snippet.Method(
                """
                var cell = nn.LSTMCell(4, 6);
                var step = torch.randn(batch, 4);
                cell.call(step, (zeros(step.shape[0], 6), zeros(step.shape[0], 6)));
                """,
                parameters: "long batch"),
            MissingCellStateCodeFixProvider.PassZeroState);

        [Fact]
        public Task FixAllPassesAStateToEveryCallInTheDocument()
        {
            var test = new VerifyFix.Test
            {
                TestCode = Snippet.Method("""
                    var cell = nn.LSTMCell(4, 6);
                    var (h, c) = cell.call({|RNN008:torch.randn(3, 4)|});
                    var other = nn.LSTMCell(8, 2);
                    other.forward({|RNN008:torch.randn(5, 8)|}, null);
                    var gru = nn.GRUCell(4, 6);
                    gru.forward({|RNN008:torch.randn(4)|});
                    """),
                FixedCode = Snippet.Method("""
                    var cell = nn.LSTMCell(4, 6);
                    var (h, c) = cell.call(torch.randn(3, 4), (zeros(3, 6), zeros(3, 6)));
                    var other = nn.LSTMCell(8, 2);
                    other.forward(torch.randn(5, 8), (zeros(5, 2), zeros(5, 2)));
                    var gru = nn.GRUCell(4, 6);
                    gru.forward(torch.randn(4), zeros(6));
                    """),
                CodeActionEquivalenceKey = MissingCellStateCodeFixProvider.PassZeroState,
                NumberOfIncrementalIterations = 3,
                NumberOfFixAllIterations = 1,
            };
            return test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task FixAllInTheProjectAndSolution()
        {
            var test = new VerifyFix.Test
            {
                CodeActionEquivalenceKey = MissingCellStateCodeFixProvider.PassZeroState,
                NumberOfIncrementalIterations = 2,
                NumberOfFixAllInDocumentIterations = 2,
                NumberOfFixAllInProjectIterations = 1,
                NumberOfFixAllIterations = 1,
            };
            test.TestState.Sources.Add(Snippet.Method("""
                var cell = nn.LSTMCell(4, 6);
                cell.call({|RNN008:torch.randn(3, 4)|});
                """));
            test.TestState.Sources.Add(Snippet.Method("""
                var cell = nn.LSTMCell(2, 5);
                cell.call({|RNN008:torch.randn(7, 2)|}, null);
                """, className: "D"));
            test.FixedState.Sources.Add(Snippet.Method("""
                var cell = nn.LSTMCell(4, 6);
                cell.call(torch.randn(3, 4), (zeros(3, 6), zeros(3, 6)));
                """));
            test.FixedState.Sources.Add(Snippet.Method("""
                var cell = nn.LSTMCell(2, 5);
                cell.call(torch.randn(7, 2), (zeros(7, 5), zeros(7, 5)));
                """, className: "D"));
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>The input may be 1-D or 2-D; a state of either rank is wrong for the other.</summary>
        [Fact]
        public Task NotOfferedWhenTheInputsRankIsUnknown() => VerifyFix.NoCodeFixAsync(
            Snippet.Method(
                """
                var cell = nn.LSTMCell(4, 6);
                cell.call({|RNN008:x|});
                """,
                parameters: "Tensor x"),
            MissingCellStateCodeFixProvider.PassZeroState);

        /// <summary>zeros(...) is Float32; a Float64 cell needs Float64 states, which the fix does not write.</summary>
        [Fact]
        public Task NotOfferedForACellOfAnotherDtype() => VerifyFix.NoCodeFixAsync(
            Snippet.Method("""
                var cell = nn.LSTMCell(4, 6, dtype: ScalarType.Float64);
                cell.call({|RNN008:torch.randn(3, 4, dtype: ScalarType.Float64)|});
                """),
            MissingCellStateCodeFixProvider.PassZeroState);

        /// <summary>The batch is a computed expression: repeating it could compute it again.</summary>
        [Fact]
        public Task NotOfferedWhenTheBatchCannotBeWrittenCheaply() => VerifyFix.NoCodeFixAsync(
            Snippet.Method(
                """
                var cell = nn.LSTMCell(4, 6);
                cell.call({|RNN008:torch.randn(batch, 4).relu()|});
                """,
                parameters: "long batch"),
            MissingCellStateCodeFixProvider.PassZeroState);
    }
}
