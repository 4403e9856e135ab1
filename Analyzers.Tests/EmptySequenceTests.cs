using System.Threading.Tasks;
using RnnShapeAnalyzers.Tests.Verifiers;
using Xunit;

namespace RnnShapeAnalyzers.Tests
{
    /// <summary>RNN007: RNN, LSTM and GRU need at least one time step (dimension 0, or 1 with batchFirst).</summary>
    public class EmptySequenceTests
    {
        [Fact]
        public Task SequenceDimensionZeroNamesTheDimensionAndWhy() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                rnn.call({|#0:torch.randn(0, 3, 10)|});
                """),
            Verify.Diagnostic("RNN007").WithLocation(0).WithMessage(
                "Input [0, 3, 10] has sequence length 0 (dimension 0, since batchFirst is false); the RNN needs at least one time step"));

        [Fact]
        public Task BatchFirstPutsTheSequenceInDimensionOne() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var gru = nn.GRU(4, 6, batchFirst: true);
                var x = torch.randn(3, 0, 4);
                gru.forward({|#0:x|});
                """),
            Verify.Diagnostic("RNN007").WithLocation(0).WithArguments("[3, 0, 4]", "1", "true", "GRU"));

        [Fact]
        public Task LengthFromAConstantOrAnEmptyNarrow() => Verify.AnalyzerAsync(
            Snippet.Method(
                """
                var lstm = nn.LSTM(10, 20);
                lstm.call({|#0:torch.zeros(Steps, 3, 10)|});
                var x = torch.randn(12, 3, 10);
                lstm.call({|#1:x.narrow(0, 12, 0)|}, (torch.zeros(1, 3, 20), torch.zeros(1, 3, 20)));
                """,
                members: "    const int Steps = 0;\n"),
            Verify.Diagnostic("RNN007").WithLocation(0).WithArguments("[0, 3, 10]", "0", "false", "LSTM"),
            Verify.Diagnostic("RNN007").WithLocation(1).WithArguments("[0, 3, 10]", "0", "false", "LSTM"));

        /// <summary>libtorch stops at the first problem; the analyzer reports every rule the call breaks.</summary>
        [Fact]
        public Task ReportedWithAFeatureSizeMismatch() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                rnn.call({|#0:torch.randn(0, 3, 7)|});
                """),
            Verify.Diagnostic("RNN001").WithLocation(0),
            Verify.Diagnostic("RNN007").WithLocation(0).WithArguments("[0, 3, 7]", "0", "false", "RNN"));

        [Fact]
        public Task LayerInAFieldIsNamedWithItsOrigin() => Verify.AnalyzerAsync(
            """
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            sealed class Windowed : nn.Module<Tensor, Tensor>
            {
                private readonly GRU gru;

                public Windowed() : base(nameof(Windowed))
                {
                    gru = nn.GRU(4, 6, batchFirst: true);
                    RegisterComponents();
                }

                public override Tensor forward(Tensor input)
                {
                    var (output, _) = gru.call({|#0:torch.randn(3, 0, 4)|});
                    return output;
                }
            }
            """,
            Verify.Diagnostic("RNN007").WithLocation(0).WithMessage(
                "Input [3, 0, 4] has sequence length 0 (dimension 1, since batchFirst is true); the GRU in field `gru` set in the constructor at line 11 needs at least one time step"));

        /// <summary>A batch of 0 runs in libtorch and returns an output with a dimension of size 0.</summary>
        [Fact]
        public Task EmptyBatchIsSilent() => Verify.AnalyzerAsync(Snippet.Method("""
            var rnn = nn.RNN(10, 20);
            rnn.call(torch.randn(5, 0, 10));
            var gru = nn.GRU(10, 20, batchFirst: true);
            gru.call(torch.randn(0, 5, 10), torch.zeros(1, 0, 20));
            """));

        [Fact]
        public Task NonEmptySequencesAreSilent() => Verify.AnalyzerAsync(Snippet.Method("""
            var lstm = nn.LSTM(10, 20, batchFirst: true);
            lstm.call(torch.randn(3, 1, 10));
            var rnn = nn.RNN(10, 20);
            rnn.call(torch.randn(1, 3, 10));
            """));

        [Fact]
        public Task UnknownSequenceLengthIsSilent() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                rnn.call(torch.randn(steps, 3, 10));
                rnn.call(x);
                rnn.call(x.narrow(0, 0, steps));
                """,
                parameters: "long steps, Tensor x"));

        /// <summary>The packed lengths decide how many steps run, not the padded tensor's size.</summary>
        [Fact]
        public Task PackedSequenceIsNotReported() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var lstm = nn.LSTM(10, 20);
                lstm.call(nn.utils.rnn.pack_padded_sequence(torch.randn(0, 3, 10), lengths));
                var gru = nn.GRU(10, 20, batchFirst: true);
                var packed = nn.utils.rnn.pack_padded_sequence(torch.randn(3, 0, 10), lengths, batch_first: true);
                gru.call(packed);
                """,
                parameters: "Tensor lengths"));

        /// <summary>A cell takes one step and has no sequence dimension.</summary>
        [Fact]
        public Task CellsHaveNoSequenceLength() => Verify.AnalyzerAsync(Snippet.Method("""
            var cell = nn.GRUCell(4, 6);
            cell.forward(torch.randn(0, 4), torch.zeros(0, 6));
            """));
    }
}
