using System.Threading;
using System.Threading.Tasks;
using RnnShapeAnalyzers.CodeFixes;
using RnnShapeAnalyzers.Tests.Verifiers;
using Xunit;

namespace RnnShapeAnalyzers.Tests
{
    /// <summary>Code that uses RnnShapeAnalyzers.Runtime's checked layers gets the same warnings and fixes as torch.nn code.</summary>
    public sealed class CheckedFactoryTests
    {
        private const string RuntimeUsing = "using RnnShapeAnalyzers.Runtime;\n";

        [Fact]
        public Task CheckedRnnSeedExampleIsRnn003() => RunAsync(Snippet.Method("""
            var rnn = CheckedNN.RNN(10, 20, batchFirst: true);
            rnn.call(torch.randn(10, 32, 10), {|RNN003:torch.zeros(1, 32, 20)|});
            """));

        [Fact]
        public Task CheckedLstmInputSizeAndCellStateAreChecked() => RunAsync(Snippet.Method("""
            CheckedLSTM lstm = CheckedNN.LSTM(inputSize: 10, hiddenSize: 20, numLayers: 2, bidirectional: true);
            lstm.forward({|RNN001:torch.randn(5, 3, 8)|}, (torch.zeros(4, 3, 20), {|RNN002:torch.zeros(2, 3, 20)|}));
            """));

        [Fact]
        public Task CheckedGruWithTwoDimensionalInputIsRnn004() => RunAsync(Snippet.Method("""
            var gru = CheckedNN.GRU(10, 20);
            gru.call({|RNN004:torch.randn(5, 10)|});
            """));

        [Fact]
        public Task CorrectCheckedCodeHasNoDiagnostic() => RunAsync(Snippet.Method("""
            var lstm = CheckedNN.LSTM(10, 20, batchFirst: true);
            lstm.call(torch.randn(32, 7, 10), (torch.zeros(1, 32, 20), torch.zeros(1, 32, 20)));
            """));

        [Fact]
        public async Task TheBatchFirstFixEditsTheCheckedFactoryCall()
        {
            var test = new Verify<BatchFirstMixUpCodeFixProvider>.Test
            {
                TestCode = RuntimeUsing + Snippet.Method("""
                    var rnn = CheckedNN.RNN(10, 20, batchFirst: true);
                    rnn.call(torch.randn(10, 32, 10), {|RNN003:torch.zeros(1, 32, 20)|});
                    """),
                FixedCode = RuntimeUsing + Snippet.Method("""
                    var rnn = CheckedNN.RNN(10, 20, batchFirst: false);
                    rnn.call(torch.randn(10, 32, 10), torch.zeros(1, 32, 20));
                    """),
                CodeActionEquivalenceKey = BatchFirstMixUpCodeFixProvider.FlipBatchFirst,
            };
            test.TestState.AdditionalReferences.AddRange(TestReferences.Runtime);
            await test.RunAsync(CancellationToken.None);
        }

        private static Task RunAsync(string source)
        {
            var test = new Verify<Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>.Test { TestCode = RuntimeUsing + source };
            test.TestState.AdditionalReferences.AddRange(TestReferences.Runtime);
            return test.RunAsync(CancellationToken.None);
        }
    }
}
