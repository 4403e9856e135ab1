using System.Threading.Tasks;
using RnnShapeAnalyzers.Tests.Verifiers;
using Xunit;

namespace RnnShapeAnalyzers.Tests
{
    /// <summary>RNN005: the input and the states must have the dtype of the layer's parameters (Float32 unless built with dtype:).</summary>
    public class ElementTypeTests
    {
        [Fact]
        public Task Float64InputIntoADefaultLayerNamesBothDtypes() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                rnn.call({|#0:torch.randn(5, 3, 10, dtype: ScalarType.Float64)|});
                """),
            Verify.Diagnostic("RNN005").WithLocation(0).WithMessage(
                "input has dtype Float64 but the parameters of the RNN are Float32, the dtype it expects; convert it with .to(ScalarType.Float32) or build the layer with dtype: ScalarType.Float64"));

        [Fact]
        public Task LayerBuiltWithADtypeRejectsTheDefaultInput() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var gru = nn.GRU(10, 20, dtype: ScalarType.Float64);
                var x = torch.zeros(5, 3, 10);
                gru.forward({|#0:x|});
                """),
            Verify.Diagnostic("RNN005").WithLocation(0).WithArguments("input", "Float32", "GRU", "Float64"));

        [Fact]
        public Task EachLstmStateIsReportedOnItsOwnTensor() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var lstm = nn.LSTM(10, 20);
                var h0 = torch.zeros(1, 3, 20, dtype: ScalarType.Float64);
                var c0 = torch.zeros(1, 3, 20, dtype: ScalarType.Float16);
                lstm.call(torch.randn(5, 3, 10), ({|#0:h0|}, {|#1:c0|}));
                """),
            Verify.Diagnostic("RNN005").WithLocation(0).WithArguments("h0", "Float64", "LSTM", "Float32"),
            Verify.Diagnostic("RNN005").WithLocation(1).WithArguments("c0", "Float16", "LSTM", "Float32"));

        [Fact]
        public Task RnnStateOfAnotherDtype() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20, dtype: ScalarType.Float64);
                var x = torch.randn(5, 3, 10, dtype: ScalarType.Float64);
                rnn.call(x, {|#0:torch.zeros(1, 3, 20)|});
                """),
            Verify.Diagnostic("RNN005").WithLocation(0).WithArguments("h0", "Float32", "RNN", "Float64"));

        [Fact]
        public Task ConversionsGiveTheTensorTheirDtype() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                var x = torch.randn(5, 3, 10);
                rnn.call({|#0:x.@double()|});
                rnn.call({|#1:x.to_type(ScalarType.Float64)|});
                rnn.call({|#2:x.to(ScalarType.BFloat16)|});
                rnn.call({|#3:x.half()|});
                """),
            Verify.Diagnostic("RNN005").WithLocation(0).WithArguments("input", "Float64", "RNN", "Float32"),
            Verify.Diagnostic("RNN005").WithLocation(1).WithArguments("input", "Float64", "RNN", "Float32"),
            Verify.Diagnostic("RNN005").WithLocation(2).WithArguments("input", "BFloat16", "RNN", "Float32"),
            Verify.Diagnostic("RNN005").WithLocation(3).WithArguments("input", "Float16", "RNN", "Float32"));

        [Fact]
        public Task ShapeMethodsAndDevicesKeepTheDtype() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var gru = nn.GRU(10, 20, batchFirst: true);
                var x = torch.randn(5, 3, 10, dtype: ScalarType.Float64);
                gru.call({|#0:x.transpose(0, 1).contiguous().to(CPU)|});
                """),
            Verify.Diagnostic("RNN005").WithLocation(0).WithArguments("input", "Float64", "GRU", "Float32"));

        [Fact]
        public Task IntegerInputIsReported() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var lstm = nn.LSTM(10, 20);
                lstm.call({|#0:torch.ones(5, 3, 10, dtype: ScalarType.Int64)|});
                """),
            Verify.Diagnostic("RNN005").WithLocation(0).WithArguments("input", "Int64", "LSTM", "Float32"));

        [Fact]
        public Task CellsCheckInputAndStates() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var cell = nn.LSTMCell(4, 6);
                var h = torch.zeros(3, 6);
                var c = torch.zeros(3, 6, dtype: ScalarType.Float64);
                cell.call({|#0:torch.randn(3, 4, dtype: ScalarType.Float64)|}, (h, {|#1:c|}));
                var gru = nn.GRUCell(4, 6);
                gru.forward(torch.randn(3, 4), {|#2:torch.zeros(3, 6, dtype: ScalarType.Float64)|});
                """),
            Verify.Diagnostic("RNN005").WithLocation(0).WithArguments("input", "Float64", "LSTMCell", "Float32"),
            Verify.Diagnostic("RNN005").WithLocation(1).WithArguments("c0", "Float64", "LSTMCell", "Float32"),
            Verify.Diagnostic("RNN005").WithLocation(2).WithArguments("h0", "Float64", "GRUCell", "Float32"));

        /// <summary>A wrong shape and a wrong dtype on one call are both reported: the analyzer does not stop at the first.</summary>
        [Fact]
        public Task ReportedAlongsideAShapeViolation() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                rnn.call({|#0:torch.randn(5, 3, 7, dtype: ScalarType.Float64)|});
                """),
            Verify.Diagnostic("RNN001").WithLocation(0),
            Verify.Diagnostic("RNN005").WithLocation(0).WithArguments("input", "Float64", "RNN", "Float32"));

        [Fact]
        public Task LayerInAFieldIsNamedWithItsOrigin() => Verify.AnalyzerAsync(
            """
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            sealed class Forecaster : nn.Module<Tensor, Tensor>
            {
                private readonly LSTM lstm;

                public Forecaster() : base(nameof(Forecaster))
                {
                    lstm = nn.LSTM(8, 16, batchFirst: true);
                    RegisterComponents();
                }

                public override Tensor forward(Tensor input)
                {
                    var (output, _, _) = lstm.call({|#0:input.to_type(ScalarType.Float64)|});
                    return output;
                }
            }
            """,
            Verify.Diagnostic("RNN005").WithLocation(0).WithMessage(
                "input has dtype Float64 but the parameters of the LSTM in field `lstm` set in the constructor at line 11 are Float32, the dtype it expects; convert it with .to(ScalarType.Float32) or build the layer with dtype: ScalarType.Float64"));

        [Fact]
        public Task MatchingDtypesAreSilent() => Verify.AnalyzerAsync(Snippet.Method("""
            var rnn = nn.RNN(10, 20, dtype: ScalarType.Float64);
            rnn.call(torch.randn(5, 3, 10, dtype: ScalarType.Float64), torch.zeros(1, 3, 20, dtype: ScalarType.Float64));
            var lstm = nn.LSTM(10, 20, dtype: ScalarType.Float64);
            var x = torch.randn(5, 3, 10).@double();
            lstm.call(x, (torch.zeros(1, 3, 20).to_type(ScalarType.Float64), torch.zeros(1, 3, 20, dtype: ScalarType.Float64)));
            var gru = nn.GRU(10, 20, dtype: ScalarType.Float32);
            gru.call(torch.randn(5, 3, 10, dtype: ScalarType.Float32));
            """));

        [Fact]
        public Task ConvertingToTheLayersDtypeIsSilent() => Verify.AnalyzerAsync(Snippet.Method("""
            var rnn = nn.RNN(10, 20);
            var x = torch.randn(5, 3, 10, dtype: ScalarType.Float64);
            rnn.call(x.to(ScalarType.Float32));
            rnn.call(x.to_type(ScalarType.Float32));
            rnn.call(x.@float());
            rnn.call(x.to(ScalarType.Float32).transpose(0, 1).transpose(0, 1));
            """));

        [Fact]
        public Task UnknownDtypesAreSilent() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                rnn.call(torch.randn(5, 3, 10, dtype: type));
                rnn.call(torch.randn(5, 3, 10).to(type));
                rnn.call(torch.randn(5, 3, 10, dtype: ScalarType.Float64).to(other.dtype));
                rnn.call(other);
                var configured = nn.GRU(10, 20, dtype: type);
                configured.call(torch.randn(5, 3, 10, dtype: ScalarType.Float64));
                """,
                parameters: "ScalarType type, Tensor other"));

        /// <summary>RNN, LSTM and GRU build an omitted state with the input's dtype.</summary>
        [Fact]
        public Task OmittedStatesAreNotChecked() => Verify.AnalyzerAsync(Snippet.Method("""
            var rnn = nn.RNN(10, 20, dtype: ScalarType.Float64);
            rnn.call(torch.randn(5, 3, 10, dtype: ScalarType.Float64));
            rnn.call(torch.randn(5, 3, 10, dtype: ScalarType.Float64), null);
            var lstm = nn.LSTM(10, 20, dtype: ScalarType.Float64);
            lstm.call(torch.randn(5, 3, 10, dtype: ScalarType.Float64));
            """));

        /// <summary>nn.Embedding returns its own (floating-point) weights' dtype, whatever the dtype of the token ids.</summary>
        [Fact]
        public Task EmbeddingOfIntegerTokensIsFloat() => Verify.AnalyzerAsync(Snippet.Method("""
            var embedding = nn.Embedding(100, 16);
            var gru = nn.GRU(16, 8, batchFirst: true);
            var tokens = torch.zeros(4, 12, dtype: ScalarType.Int64);
            gru.call(embedding.call(tokens));
            """));

        [Fact]
        public Task EmbeddingBuiltWithAnotherDtypeIsReported() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var embedding = nn.Embedding(100, 16, dtype: ScalarType.Float64);
                var gru = nn.GRU(16, 8, batchFirst: true);
                gru.call({|#0:embedding.call(torch.zeros(4, 12, dtype: ScalarType.Int64))|});
                """),
            Verify.Diagnostic("RNN005").WithLocation(0).WithArguments("input", "Float64", "GRU", "Float32"));
    }
}
