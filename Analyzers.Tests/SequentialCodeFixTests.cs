using System.Threading;
using System.Threading.Tasks;
using RnnShapeAnalyzers.CodeFixes;
using RnnShapeAnalyzers.Tests.Verifiers;
using Xunit;

namespace RnnShapeAnalyzers.Tests
{
    /// <summary>
    /// Two fixes of different rules applied one after the other to the same <c>nn.RNN(...)</c> call:
    /// the second starts from exactly the code the first produced, and the end result is valid code.
    /// The RNN003 flip is not offered while the input's feature size is also wrong (flipping alone
    /// would not make the call valid); setting inputSize first makes it available.
    /// </summary>
    public class SequentialCodeFixTests
    {
        [Fact]
        public async Task SetInputSizeThenFlipAnExplicitBatchFirst()
        {
            var source = Snippet.Method("""
                var rnn = nn.RNN(10, 20, batchFirst: true);
                rnn.call({|RNN001:torch.randn(10, 32, 5)|}, {|#0:torch.zeros(1, 32, 20)|});
                """);
            var afterInputSize = Snippet.Method("""
                var rnn = nn.RNN(5, 20, batchFirst: true);
                rnn.call(torch.randn(10, 32, 5), {|#0:torch.zeros(1, 32, 20)|});
                """);
            var afterFlip = Snippet.Method("""
                var rnn = nn.RNN(5, 20, batchFirst: false);
                rnn.call(torch.randn(10, 32, 5), torch.zeros(1, 32, 20));
                """);

            var first = new Verify<InputFeatureSizeCodeFixProvider>.Test
            {
                TestCode = source,
                FixedCode = afterInputSize,
                CodeActionEquivalenceKey = InputFeatureSizeCodeFixProvider.SetInputSize,
                CodeActionIndex = 0,
            };
            first.ExpectedDiagnostics.Add(Verify.Diagnostic("RNN003").WithLocation(0).WithArguments(
                "h0", "32", "10", "true", "0", "[10, 32, 5]", "[1, 10, 20]", ", or set batchFirst: false"));
            first.FixedState.ExpectedDiagnostics.Add(Verify.Diagnostic("RNN003").WithLocation(0).WithArguments(
                "h0", "32", "10", "true", "0", "[10, 32, 5]", "[1, 10, 20]", ", or set batchFirst: false"));
            await first.RunAsync(CancellationToken.None);

            await Verify<BatchFirstMixUpCodeFixProvider>.CodeFixAsync(
                afterInputSize.Replace("{|#0:", "{|RNN003:"),
                afterFlip,
                BatchFirstMixUpCodeFixProvider.FlipBatchFirst);
        }

        [Fact]
        public async Task SetInputSizeThenAddBatchFirst()
        {
            var source = Snippet.Method("""
                var rnn = nn.RNN(10, 20, numLayers: 2);
                rnn.call({|RNN001:torch.randn(32, 10, 5)|}, {|RNN003:torch.zeros(2, 32, 20)|});
                """);
            var afterInputSize = Snippet.Method("""
                var rnn = nn.RNN(5, 20, numLayers: 2);
                rnn.call(torch.randn(32, 10, 5), {|RNN003:torch.zeros(2, 32, 20)|});
                """);
            var afterFlip = Snippet.Method("""
                var rnn = nn.RNN(5, 20, numLayers: 2, batchFirst: true);
                rnn.call(torch.randn(32, 10, 5), torch.zeros(2, 32, 20));
                """);

            await Verify<InputFeatureSizeCodeFixProvider>.CodeFixAsync(source, afterInputSize, InputFeatureSizeCodeFixProvider.SetInputSize);
            await Verify<BatchFirstMixUpCodeFixProvider>.CodeFixAsync(afterInputSize, afterFlip, BatchFirstMixUpCodeFixProvider.FlipBatchFirst);
        }
    }
}
