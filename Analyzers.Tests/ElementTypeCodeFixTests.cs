using System.Threading;
using System.Threading.Tasks;
using RnnShapeAnalyzers.CodeFixes;
using RnnShapeAnalyzers.Tests.Verifiers;
using Xunit;
using VerifyFix = RnnShapeAnalyzers.Tests.Verifiers.Verify<RnnShapeAnalyzers.CodeFixes.ElementTypeCodeFixProvider>;

namespace RnnShapeAnalyzers.Tests
{
    /// <summary>RNN005 fixes: convert the tensor to the layer's dtype (first), or build the layer with the tensor's dtype.</summary>
    public class ElementTypeCodeFixTests
    {
        [Fact]
        public Task ConvertTheInputToTheLayersDtype() => VerifyFix.CodeFixAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                var x = torch.randn(5, 3, 10, dtype: ScalarType.Float64);
                rnn.call({|RNN005:x|});
                """),
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                var x = torch.randn(5, 3, 10, dtype: ScalarType.Float64);
                rnn.call(x.to(ScalarType.Float32));
                """),
            ElementTypeCodeFixProvider.ConvertTensor);

        [Fact]
        public Task ConvertAFactoryCallAndAState() => VerifyFix.CodeFixAsync(
            Snippet.Method("""
                var lstm = nn.LSTM(10, 20, dtype: ScalarType.Float64);
                var h0 = torch.zeros(1, 3, 20, dtype: ScalarType.Float64);
                lstm.call(torch.randn(5, 3, 10, dtype: ScalarType.Float64), (h0, {|RNN005:torch.zeros(1, 3, 20)|}));
                """),
            Snippet.Method("""
                var lstm = nn.LSTM(10, 20, dtype: ScalarType.Float64);
                var h0 = torch.zeros(1, 3, 20, dtype: ScalarType.Float64);
                lstm.call(torch.randn(5, 3, 10, dtype: ScalarType.Float64), (h0, torch.zeros(1, 3, 20).to(ScalarType.Float64)));
                """),
            ElementTypeCodeFixProvider.ConvertTensor);

        [Fact]
        public Task ConvertAnIndexedTensor() => VerifyFix.CodeFixAsync(
            Snippet.Method("""
                var gru = nn.GRU(10, 20);
                var batches = torch.randn(2, 5, 3, 10, dtype: ScalarType.Float64);
                gru.call({|RNN005:batches[0]|});
                """),
            Snippet.Method("""
                var gru = nn.GRU(10, 20);
                var batches = torch.randn(2, 5, 3, 10, dtype: ScalarType.Float64);
                gru.call(batches[0].to(ScalarType.Float32));
                """),
            ElementTypeCodeFixProvider.ConvertTensor);

        /// <summary>A PackedSequence has no .to(ScalarType): only building the layer with the data's dtype is offered.</summary>
        [Fact]
        public Task ConvertTensorIsNotOfferedForAPackedSequence() => VerifyFix.NoCodeFixAsync(
            Snippet.Method(
                """
                var lstm = nn.LSTM(10, 20);
                var x = torch.randn(5, 3, 10, dtype: ScalarType.Float64);
                lstm.call({|RNN005:nn.utils.rnn.pack_padded_sequence(x, lengths)|});
                """,
                parameters: "Tensor lengths"),
            ElementTypeCodeFixProvider.ConvertTensor);

        [Fact]
        public Task SetLayerDtypeForAPackedSequence() => VerifyFix.CodeFixAsync(
            Snippet.Method(
                """
                var lstm = nn.LSTM(10, 20);
                var x = torch.randn(5, 3, 10, dtype: ScalarType.Float64);
                lstm.call({|RNN005:nn.utils.rnn.pack_padded_sequence(x, lengths)|});
                """,
                parameters: "Tensor lengths"),
            Snippet.Method(
                """
                var lstm = nn.LSTM(10, 20, dtype: ScalarType.Float64);
                var x = torch.randn(5, 3, 10, dtype: ScalarType.Float64);
                lstm.call(nn.utils.rnn.pack_padded_sequence(x, lengths));
                """,
                parameters: "Tensor lengths"),
            ElementTypeCodeFixProvider.SetLayerDtype,
            codeActionIndex: 0);

        /// <summary>A state pair held in a local is reported at the local: a tuple has no .to(ScalarType).</summary>
        [Fact]
        public Task ConvertTensorIsNotOfferedForAStatePairInALocal() => VerifyFix.NoCodeFixAsync(
            Snippet.Method("""
                var lstm = nn.LSTM(10, 20);
                var state = (torch.zeros(1, 3, 20, dtype: ScalarType.Float64), torch.zeros(1, 3, 20));
                lstm.call(torch.randn(5, 3, 10), {|RNN005:state|});
                """),
            ElementTypeCodeFixProvider.ConvertTensor);

        [Fact]
        public Task BuildTheLayerWithTheTensorsDtypeIsTheSecondFix() => VerifyFix.CodeFixAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                rnn.call({|RNN005:torch.randn(5, 3, 10, dtype: ScalarType.Float64)|});
                """),
            Snippet.Method("""
                var rnn = nn.RNN(10, 20, dtype: ScalarType.Float64);
                rnn.call(torch.randn(5, 3, 10, dtype: ScalarType.Float64));
                """),
            ElementTypeCodeFixProvider.SetLayerDtype,
            codeActionIndex: 1);

        [Fact]
        public Task SetLayerDtypeReplacesAnExplicitDtype() => VerifyFix.CodeFixAsync(
            Snippet.Method("""
                var gru = nn.GRU(10, 20, dtype: ScalarType.Float16, batchFirst: true);
                gru.call({|RNN005:torch.randn(3, 5, 10)|});
                """),
            Snippet.Method("""
                var gru = nn.GRU(10, 20, dtype: ScalarType.Float32, batchFirst: true);
                gru.call(torch.randn(3, 5, 10));
                """),
            ElementTypeCodeFixProvider.SetLayerDtype,
            codeActionIndex: 1);

        [Fact]
        public Task SetLayerDtypeOnAFieldSetInTheConstructor() => VerifyFix.CodeFixAsync(
            """
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            sealed class Forecaster : nn.Module<Tensor, Tensor>
            {
                private readonly GRU gru;

                public Forecaster() : base(nameof(Forecaster))
                {
                    gru = nn.GRU(8, 16, batchFirst: true);
                    RegisterComponents();
                }

                public override Tensor forward(Tensor input)
                {
                    var (output, _) = gru.call({|RNN005:input.@double()|});
                    return output;
                }
            }
            """,
            """
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            sealed class Forecaster : nn.Module<Tensor, Tensor>
            {
                private readonly GRU gru;

                public Forecaster() : base(nameof(Forecaster))
                {
                    gru = nn.GRU(8, 16, batchFirst: true, dtype: ScalarType.Float64);
                    RegisterComponents();
                }

                public override Tensor forward(Tensor input)
                {
                    var (output, _) = gru.call(input.@double());
                    return output;
                }
            }
            """,
            ElementTypeCodeFixProvider.SetLayerDtype,
            codeActionIndex: 1);

        /// <summary>The first call is right for a Float32 layer: building it in Float64 would break that call.</summary>
        [Fact]
        public Task SetLayerDtypeIsNotOfferedWhenAnotherCallOfTheLayerWouldBreak() => VerifyFix.NoCodeFixAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                rnn.call(torch.randn(5, 3, 10));
                rnn.call({|RNN005:torch.randn(5, 3, 10, dtype: ScalarType.Float64)|});
                """),
            ElementTypeCodeFixProvider.SetLayerDtype);

        /// <summary>The states of the same call are Float32: building the layer in Float64 would make them wrong.</summary>
        [Fact]
        public Task SetLayerDtypeIsNotOfferedWhenTheSameCallsStatesWouldBreak() => VerifyFix.NoCodeFixAsync(
            Snippet.Method("""
                var lstm = nn.LSTM(10, 20);
                lstm.call({|RNN005:torch.randn(5, 3, 10, dtype: ScalarType.Float64)|}, (torch.zeros(1, 3, 20), torch.zeros(1, 3, 20)));
                """),
            ElementTypeCodeFixProvider.SetLayerDtype);

        /// <summary>A layer held by a field assigned in two places: a fix of one factory call would leave the other.</summary>
        [Fact]
        public Task SetLayerDtypeIsNotOfferedForALayerBuiltInTwoPlaces() => VerifyFix.NoCodeFixAsync(
            """
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            sealed class Model : nn.Module<Tensor, Tensor>
            {
                private readonly GRU gru;

                public Model(bool small) : base(nameof(Model))
                {
                    if (small)
                    {
                        gru = nn.GRU(8, 16);
                    }
                    else
                    {
                        gru = nn.GRU(8, 16);
                    }

                    RegisterComponents();
                }

                public override Tensor forward(Tensor input)
                {
                    var (output, _) = gru.call({|RNN005:input.@double()|});
                    return output;
                }
            }
            """,
            ElementTypeCodeFixProvider.SetLayerDtype);

        [Fact]
        public Task FixAllConvertsEveryTensorInTheDocument()
        {
            var test = new VerifyFix.Test
            {
                TestCode = Snippet.Method("""
                    var lstm = nn.LSTM(10, 20);
                    var x = torch.randn(5, 3, 10, dtype: ScalarType.Float64);
                    var h0 = torch.zeros(1, 3, 20, dtype: ScalarType.Float64);
                    lstm.call({|RNN005:x|}, ({|RNN005:h0|}, {|RNN005:h0|}));
                    var gru = nn.GRU(10, 20, dtype: ScalarType.Float64);
                    gru.call({|RNN005:torch.randn(5, 3, 10)|});
                    """),
                FixedCode = Snippet.Method("""
                    var lstm = nn.LSTM(10, 20);
                    var x = torch.randn(5, 3, 10, dtype: ScalarType.Float64);
                    var h0 = torch.zeros(1, 3, 20, dtype: ScalarType.Float64);
                    lstm.call(x.to(ScalarType.Float32), (h0.to(ScalarType.Float32), h0.to(ScalarType.Float32)));
                    var gru = nn.GRU(10, 20, dtype: ScalarType.Float64);
                    gru.call(torch.randn(5, 3, 10).to(ScalarType.Float64));
                    """),
                CodeActionEquivalenceKey = ElementTypeCodeFixProvider.ConvertTensor,
                NumberOfIncrementalIterations = 4,
                NumberOfFixAllIterations = 1,
            };
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>The input and both states of one call all ask for the same dtype on the same factory call.</summary>
        [Fact]
        public Task FixAllSetsTheLayerDtypeOnceForSeveralTensors()
        {
            var test = new VerifyFix.Test
            {
                TestCode = Snippet.Method("""
                    var lstm = nn.LSTM(10, 20);
                    var h0 = torch.zeros(1, 3, 20, dtype: ScalarType.Float64);
                    lstm.call({|RNN005:torch.randn(5, 3, 10, dtype: ScalarType.Float64)|}, ({|RNN005:h0|}, {|RNN005:h0|}));
                    """),
                FixedCode = Snippet.Method("""
                    var lstm = nn.LSTM(10, 20, dtype: ScalarType.Float64);
                    var h0 = torch.zeros(1, 3, 20, dtype: ScalarType.Float64);
                    lstm.call(torch.randn(5, 3, 10, dtype: ScalarType.Float64), (h0, h0));
                    """),
                CodeActionEquivalenceKey = ElementTypeCodeFixProvider.SetLayerDtype,
                CodeActionIndex = 1,
                NumberOfIncrementalIterations = 1,
                NumberOfFixAllIterations = 1,
            };
            return test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task FixAllConvertsInEveryDocumentOfTheProject()
        {
            var test = new VerifyFix.Test
            {
                CodeActionEquivalenceKey = ElementTypeCodeFixProvider.ConvertTensor,
                NumberOfIncrementalIterations = 2,
                NumberOfFixAllInDocumentIterations = 2,
                NumberOfFixAllInProjectIterations = 1,
                NumberOfFixAllIterations = 1,
            };
            test.TestState.Sources.Add(Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                rnn.call({|RNN005:torch.randn(5, 3, 10).@double()|});
                """));
            test.TestState.Sources.Add(Snippet.Method("""
                var gru = nn.GRU(4, 8);
                gru.call({|RNN005:torch.ones(2, 1, 4, dtype: ScalarType.Float16)|});
                """, className: "D"));
            test.FixedState.Sources.Add(Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                rnn.call(torch.randn(5, 3, 10).@double().to(ScalarType.Float32));
                """));
            test.FixedState.Sources.Add(Snippet.Method("""
                var gru = nn.GRU(4, 8);
                gru.call(torch.ones(2, 1, 4, dtype: ScalarType.Float16).to(ScalarType.Float32));
                """, className: "D"));
            return test.RunAsync(CancellationToken.None);
        }
    }
}
