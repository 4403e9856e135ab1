using System.Threading;
using System.Threading.Tasks;
using RnnShapeAnalyzers.Tests.Verifiers;
using Xunit;

namespace RnnShapeAnalyzers.Tests
{
    /// <summary>
    /// RNN008: TorchSharp 0.107's LSTMCell never builds a missing state, and RNNCell and GRUCell cannot for
    /// a 1-D input of more than one feature.
    /// </summary>
    public class MissingCellStateTests
    {
        [Fact]
        public Task LstmCellWithoutAStateSaysWhatToPass() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var cell = nn.LSTMCell(4, 6);
                var x = torch.randn(3, 4);
                cell.call({|#0:x|});
                """),
            Verify.Diagnostic("RNN008").WithLocation(0).WithMessage(
                "The LSTMCell is called without a state on input [3, 4], which TorchSharp 0.107 cannot fill in; it needs (zeros(3, 6), zeros(3, 6))"));

        [Fact]
        public Task LstmCellWithANullState() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var cell = nn.LSTMCell(4, 6);
                cell.call({|#0:torch.randn(3, 4)|}, null);
                cell.forward({|#1:torch.randn(2, 4)|}, null);
                """),
            Verify.Diagnostic("RNN008").WithLocation(0).WithArguments("LSTMCell", "[3, 4]", "(zeros(3, 6), zeros(3, 6))"),
            Verify.Diagnostic("RNN008").WithLocation(1).WithArguments("LSTMCell", "[2, 4]", "(zeros(2, 6), zeros(2, 6))"));

        [Fact]
        public Task UnbatchedLstmCellInputNeedsOneDimensionalStates() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var cell = nn.LSTMCell(4, 6);
                cell.call({|#0:torch.randn(4)|});
                """),
            Verify.Diagnostic("RNN008").WithLocation(0).WithArguments("LSTMCell", "[4]", "(zeros(6), zeros(6))"));

        /// <summary>Any input throws without a state, so a parameter of unknown rank is reported too; its batch is named.</summary>
        [Fact]
        public Task LstmCellOnAParameterIsReported() => Verify.AnalyzerAsync(
            Snippet.Method(
                """
                var cell = nn.LSTMCell(4, 6);
                cell.call({|#0:x|});
                """,
                parameters: "Tensor x"),
            Verify.Diagnostic("RNN008").WithLocation(0));

        [Fact]
        public Task UnbatchedGruCellAndRnnCellInputWithoutAState() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var gru = nn.GRUCell(4, 6);
                gru.forward({|#0:torch.randn(4)|});
                var rnn = nn.RNNCell(4, 6);
                rnn.call({|#1:torch.randn(4)|}, null);
                """),
            Verify.Diagnostic("RNN008").WithLocation(0).WithMessage(
                "The GRUCell is called without a state on input [4], which TorchSharp 0.107 cannot fill in; it needs zeros(6)"),
            Verify.Diagnostic("RNN008").WithLocation(1).WithArguments("RNNCell", "[4]", "zeros(6)"));

        [Fact]
        public Task CellInAFieldIsNamedWithItsOrigin() => Verify.AnalyzerAsync(
            """
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            sealed class Decoder : nn.Module<Tensor, Tensor>
            {
                private readonly LSTMCell cell;

                public Decoder() : base(nameof(Decoder))
                {
                    cell = nn.LSTMCell(8, 16);
                    RegisterComponents();
                }

                public override Tensor forward(Tensor step)
                {
                    var (h, _) = cell.call({|#0:torch.randn(5, 8)|});
                    return h;
                }
            }
            """,
            Verify.Diagnostic("RNN008").WithLocation(0).WithMessage(
                "The LSTMCell in field `cell` set in the constructor at line 11 is called without a state on input [5, 8], which TorchSharp 0.107 cannot fill in; it needs (zeros(5, 16), zeros(5, 16))"));

        /// <summary>RNNCell and GRUCell build zeros (batch, hiddenSize) for a 2-D input.</summary>
        [Fact]
        public Task BatchedGruCellAndRnnCellWithoutAStateAreSilent() => Verify.AnalyzerAsync(Snippet.Method("""
            var gru = nn.GRUCell(4, 6);
            gru.forward(torch.randn(3, 4));
            gru.forward(torch.randn(3, 4), null);
            var rnn = nn.RNNCell(4, 6);
            rnn.forward(torch.randn(3, 4), null);
            """));

        /// <summary>The default state is built from the input's dimension 0: one feature makes it fit.</summary>
        [Fact]
        public Task UnbatchedSingleFeatureInputIsSilent() => Verify.AnalyzerAsync(Snippet.Method("""
            var rnn = nn.RNNCell(1, 6);
            rnn.forward(torch.randn(1));
            """));

        /// <summary>A GRUCell input of unknown rank may be 2-D, which runs without a state.</summary>
        [Fact]
        public Task GruCellOnAParameterIsSilent() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var gru = nn.GRUCell(4, 6);
                gru.forward(x);
                gru.forward(x, null);
                """,
                parameters: "Tensor x"));

        [Fact]
        public Task CellsGivenAStateAreSilent() => Verify.AnalyzerAsync(Snippet.Method("""
            var cell = nn.LSTMCell(4, 6);
            cell.call(torch.randn(3, 4), (torch.zeros(3, 6), torch.zeros(3, 6)));
            cell.forward(torch.randn(4), (torch.zeros(6), torch.zeros(6)));
            var gru = nn.GRUCell(4, 6);
            gru.forward(torch.randn(4), torch.zeros(6));
            """));

        /// <summary>The sequence layers build zeros for an omitted state.</summary>
        [Fact]
        public Task SequenceLayersWithoutAStateAreSilent() => Verify.AnalyzerAsync(Snippet.Method("""
            var lstm = nn.LSTM(4, 6);
            lstm.call(torch.randn(5, 3, 4));
            lstm.call(torch.randn(5, 3, 4), null);
            """));

        /// <summary>The checked cells fill in the missing state, so RNN008 never applies to them.</summary>
        [Fact]
        public Task CheckedCellsAreSilent()
        {
            var test = new Verify<Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>.Test
            {
                TestCode = "using RnnShapeAnalyzers.Runtime;\n" + Snippet.Method("""
                    var cell = CheckedNN.LSTMCell(4, 6);
                    cell.call(torch.randn(3, 4));
                    var gru = CheckedNN.GRUCell(4, 6);
                    gru.forward(torch.randn(4));
                    """),
            };
            test.TestState.AdditionalReferences.AddRange(TestReferences.Runtime);
            return test.RunAsync(CancellationToken.None);
        }
    }
}
