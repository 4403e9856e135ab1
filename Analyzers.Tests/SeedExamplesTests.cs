using System.Threading.Tasks;
using RnnShapeAnalyzers.Tests.Verifiers;
using Xunit;

namespace RnnShapeAnalyzers.Tests
{
    /// <summary>
    /// The three examples of the seed article (a PyTorch RNN troubleshooting post), translated line by
    /// line to TorchSharp. Each expects what real TorchSharp 0.107 / libtorch 2.10 does with them,
    /// measured: the article calls Examples 1 and 3 correct, but with batchFirst: true the input
    /// randn(10, 32, 10) is a batch of 10, so the state zeros(_, 32, 20) is rejected.
    /// </summary>
    public class SeedExamplesTests
    {
        /// <summary>TorchSharp throws "Expected hidden size 1 10 20, got [1, 32, 20]".</summary>
        [Fact]
        public Task Example1CorrectImplementationIsABatchFirstMixUp() => Verify.AnalyzerAsync(
            Snippet.Method("""
                // Input sequence: (sequence length, batch size, input size)
                var input_seq = torch.randn(10, 32, 10); // 10 time steps, batch of 32, 10 input features

                // RNN layer with input size matching input data
                var rnn = nn.RNN(inputSize: 10, hiddenSize: 20, batchFirst: true);

                // Initial hidden state: (num_layers * num_directions, batch size, hidden_size)
                var hidden = torch.zeros(1, 32, 20);

                // Forward pass
                var (output, hidden_n) = rnn.call(input_seq, {|#0:hidden|});
                """),
            Verify.Diagnostic("RNN003").WithLocation(0).WithMessage(
                "h0 has batch 32 but the input's batch is 10: batchFirst: true puts the batch in dimension 0 of input [10, 32, 10], and a state always keeps it in dimension 1; expected h0 shape [1, 10, 20], or set batchFirst: false"));

        /// <summary>
        /// TorchSharp throws "input.size(-1) must be equal to input_size. Expected 10, got 5": libtorch
        /// checks the input before the state and stops at the first error, so at run time only the
        /// RNN001 problem is visible. The state is wrong too (its batch 32 is the input's dimension 1,
        /// while batchFirst: true reads the batch, 10, from dimension 0), and the analyzer reports
        /// everything it proves, so it also reports RNN003 on the state. Flipping batchFirst would not
        /// make the call valid (the feature size is still wrong), so that RNN003 suggests no flip.
        /// </summary>
        [Fact]
        public Task Example2IncorrectInputSizeIsRnn001AndTheStateIsAlsoMixedUp() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var input_seq = torch.randn(10, 32, 5); // Incorrect input size: 5 instead of 10

                var rnn = nn.RNN(inputSize: 10, hiddenSize: 20, batchFirst: true); // input_size mismatch

                var hidden = torch.zeros(1, 32, 20);

                try
                {
                    var (output, hidden_n) = rnn.call({|#0:input_seq|}, {|#1:hidden|});
                }
                catch (System.Runtime.InteropServices.ExternalException e)
                {
                    Console.WriteLine($"RuntimeError: {e.Message}");
                }
                """),
            Verify.Diagnostic("RNN001").WithLocation(0).WithMessage(
                "Input [10, 32, 5] has 5 features in its last dimension but the RNN was built with inputSize 10; expected input shape [10, 32, 10]"),
            Verify.Diagnostic("RNN003").WithLocation(1).WithMessage(
                "h0 has batch 32 but the input's batch is 10: batchFirst: true puts the batch in dimension 0 of input [10, 32, 5], and a state always keeps it in dimension 1; expected h0 shape [1, 10, 20], or set batchFirst: false"));

        /// <summary>TorchSharp throws "Expected hidden size 2 10 20, got [2, 32, 20]".</summary>
        [Fact]
        public Task Example3MultipleLayersIsABatchFirstMixUp() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var input_seq = torch.randn(10, 32, 10); //Correct input size

                // Multi-layered RNN
                var rnn = nn.RNN(inputSize: 10, hiddenSize: 20, numLayers: 2, batchFirst: true);

                // Initial hidden state: (num_layers * num_directions, batch size, hidden_size)
                var hidden = torch.zeros(2, 32, 20); // num_layers = 2

                var (output, hidden_n) = rnn.call(input_seq, {|#0:hidden|});
                """),
            Verify.Diagnostic("RNN003").WithLocation(0).WithMessage(
                "h0 has batch 32 but the input's batch is 10: batchFirst: true puts the batch in dimension 0 of input [10, 32, 10], and a state always keeps it in dimension 1; expected h0 shape [2, 10, 20], or set batchFirst: false"));

        /// <summary>The article's comments say "10 time steps, batch of 32": that is batchFirst: false.</summary>
        [Fact]
        public Task Example1FixedIsSilent() => Verify.AnalyzerAsync(Snippet.Method("""
            var input_seq = torch.randn(10, 32, 10);
            var rnn = nn.RNN(inputSize: 10, hiddenSize: 20, batchFirst: false);
            var hidden = torch.zeros(1, 32, 20);
            var (output, hidden_n) = rnn.call(input_seq, hidden);
            """));

        [Fact]
        public Task Example1FixedByKeepingBatchFirstIsSilent() => Verify.AnalyzerAsync(Snippet.Method("""
            var input_seq = torch.randn(32, 10, 10);
            var rnn = nn.RNN(inputSize: 10, hiddenSize: 20, batchFirst: true);
            var hidden = torch.zeros(1, 32, 20);
            var (output, hidden_n) = rnn.call(input_seq, hidden);
            """));

        /// <summary>Input given its 10 features; the state given the batch batchFirst: true reads (10).</summary>
        [Fact]
        public Task Example2FixedIsSilent() => Verify.AnalyzerAsync(Snippet.Method("""
            var input_seq = torch.randn(10, 32, 10);
            var rnn = nn.RNN(inputSize: 10, hiddenSize: 20, batchFirst: true);
            var hidden = torch.zeros(1, 10, 20);
            var (output, hidden_n) = rnn.call(input_seq, hidden);
            """));

        [Fact]
        public Task Example3FixedIsSilent() => Verify.AnalyzerAsync(Snippet.Method("""
            var input_seq = torch.randn(10, 32, 10);
            var rnn = nn.RNN(inputSize: 10, hiddenSize: 20, numLayers: 2, batchFirst: false);
            var hidden = torch.zeros(2, 32, 20);
            var (output, hidden_n) = rnn.call(input_seq, hidden);
            """));
    }
}
