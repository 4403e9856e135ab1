using System.Threading;
using System.Threading.Tasks;
using RnnShapeAnalyzers.CodeFixes;
using RnnShapeAnalyzers.Tests.Verifiers;
using Xunit;
using VerifyFix = RnnShapeAnalyzers.Tests.Verifiers.Verify<RnnShapeAnalyzers.CodeFixes.InputRankCodeFixProvider>;

namespace RnnShapeAnalyzers.Tests
{
    /// <summary>RNN004 fix: a 2-D input gets its batch dimension with <c>.unsqueeze(batchFirst ? 0 : 1)</c>.</summary>
    public class InputRankCodeFixTests
    {
        [Fact]
        public Task SequenceFirstUnsqueezesDimensionOne() => VerifyFix.CodeFixAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                var x = torch.randn(5, 10);
                rnn.call({|RNN004:x|});
                """),
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                var x = torch.randn(5, 10);
                rnn.call(x.unsqueeze(1));
                """),
            InputRankCodeFixProvider.AddBatchDimension);

        [Fact]
        public Task BatchFirstUnsqueezesDimensionZero() => VerifyFix.CodeFixAsync(
            Snippet.Method("""
                var lstm = nn.LSTM(10, 20, batchFirst: true);
                lstm.forward({|RNN004:torch.randn(5, 10)|});
                """),
            Snippet.Method("""
                var lstm = nn.LSTM(10, 20, batchFirst: true);
                lstm.forward(torch.randn(5, 10).unsqueeze(0));
                """),
            InputRankCodeFixProvider.AddBatchDimension);

        [Fact]
        public Task ACastIsParenthesizedBeforeUnsqueeze() => VerifyFix.CodeFixAsync(
            Snippet.Method("""
                var gru = nn.GRU(10, 20);
                gru.call({|RNN004:(Tensor)torch.randn(new long[] { 5, 10 }, dtype: torch.float32)|}, null);
                """),
            Snippet.Method("""
                var gru = nn.GRU(10, 20);
                gru.call(((Tensor)torch.randn(new long[] { 5, 10 }, dtype: torch.float32)).unsqueeze(1), null);
                """),
            InputRankCodeFixProvider.AddBatchDimension);

        [Fact]
        public Task ANamedArgumentKeepsItsName() => VerifyFix.CodeFixAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20, batchFirst: true);
                rnn.call(h0: null, input: {|RNN004:torch.randn([5, 10])|});
                """),
            Snippet.Method("""
                var rnn = nn.RNN(10, 20, batchFirst: true);
                rnn.call(h0: null, input: torch.randn([5, 10]).unsqueeze(0));
                """),
            InputRankCodeFixProvider.AddBatchDimension);

        [Fact]
        public Task NoFixWhenBatchFirstIsUnknown() => VerifyFix.NoCodeFixAsync(
            Snippet.Method(
                """
                var rnn = nn.RNN(10, 20, batchFirst: batchFirst);
                rnn.call({|RNN004:torch.randn(5, 10)|});
                """,
                parameters: "bool batchFirst"),
            InputRankCodeFixProvider.AddBatchDimension);

        [Fact]
        public Task NoFixForAFourDimensionalInput() => VerifyFix.NoCodeFixAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                rnn.call({|RNN004:torch.randn(2, 5, 3, 10)|});
                """),
            InputRankCodeFixProvider.AddBatchDimension);

        [Fact]
        public Task FixAllUnsqueezesEveryInputInTheDocument()
        {
            var test = new VerifyFix.Test
            {
                TestCode = Snippet.Method("""
                    var rnn = nn.RNN(10, 20);
                    var gru = nn.GRU(10, 20, batchFirst: true);
                    var x = torch.randn(5, 10);
                    rnn.call({|RNN004:x|});
                    rnn.forward({|RNN004:x|}, null);
                    gru.call({|RNN004:x|});
                    """),
                FixedCode = Snippet.Method("""
                    var rnn = nn.RNN(10, 20);
                    var gru = nn.GRU(10, 20, batchFirst: true);
                    var x = torch.randn(5, 10);
                    rnn.call(x.unsqueeze(1));
                    rnn.forward(x.unsqueeze(1), null);
                    gru.call(x.unsqueeze(0));
                    """),
                CodeActionEquivalenceKey = InputRankCodeFixProvider.AddBatchDimension,
                CodeActionIndex = 0,
                NumberOfIncrementalIterations = 3,
                NumberOfFixAllIterations = 1,
            };
            return test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task FixAllUnsqueezesInputsInEveryDocumentOfTheProject()
        {
            var test = new VerifyFix.Test
            {
                CodeActionEquivalenceKey = InputRankCodeFixProvider.AddBatchDimension,
                CodeActionIndex = 0,
                NumberOfIncrementalIterations = 2,
                NumberOfFixAllInDocumentIterations = 2,
                NumberOfFixAllInProjectIterations = 1,
                NumberOfFixAllIterations = 1,
            };
            test.TestState.Sources.Add(Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                rnn.call({|RNN004:torch.randn(5, 10)|});
                """));
            test.TestState.Sources.Add(Snippet.Method(
                """
                var lstm = nn.LSTM(10, 20, batchFirst: true);
                lstm.call({|RNN004:torch.zeros(5, 10)|});
                """,
                className: "D"));
            test.FixedState.Sources.Add(Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                rnn.call(torch.randn(5, 10).unsqueeze(1));
                """));
            test.FixedState.Sources.Add(Snippet.Method(
                """
                var lstm = nn.LSTM(10, 20, batchFirst: true);
                lstm.call(torch.zeros(5, 10).unsqueeze(0));
                """,
                className: "D"));
            return test.RunAsync(CancellationToken.None);
        }
    }
}
