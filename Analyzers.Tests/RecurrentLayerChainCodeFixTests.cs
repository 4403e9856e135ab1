using System.Threading;
using System.Threading.Tasks;
using RnnShapeAnalyzers.CodeFixes;
using RnnShapeAnalyzers.Tests.Verifiers;
using Xunit;
using VerifyFix = RnnShapeAnalyzers.Tests.Verifiers.Verify<RnnShapeAnalyzers.CodeFixes.RecurrentLayerChainCodeFixProvider>;

namespace RnnShapeAnalyzers.Tests
{
    /// <summary>RNN009 fix: set the reading layer's inputSize to the D * hiddenSize of the layer before it.</summary>
    public class RecurrentLayerChainCodeFixTests
    {
        [Fact]
        public Task SetsTheReadersInputSizeToTheProducersOutputFeatures() => VerifyFix.CodeFixAsync(
            Snippet.Method("""
                var encoder = nn.LSTM(10, 20, bidirectional: true);
                var decoder = nn.LSTM(20, 30);
                var (encoded, _, _) = encoder.call(torch.randn(5, 3, 10));
                decoder.call({|RNN009:encoded|});
                """),
            Snippet.Method("""
                var encoder = nn.LSTM(10, 20, bidirectional: true);
                var decoder = nn.LSTM(40, 30);
                var (encoded, _, _) = encoder.call(torch.randn(5, 3, 10));
                decoder.call(encoded);
                """),
            RecurrentLayerChainCodeFixProvider.SetInputSize);

        [Fact]
        public Task ReplacesANamedArgumentOrAConstantButNotTheConstantsDeclaration() => VerifyFix.CodeFixAsync(
            Snippet.Method(
                """
                var first = nn.GRU(10, Hidden);
                var second = nn.GRU(hiddenSize: 8, inputSize: Hidden * 2);
                var (output, _) = first.call(torch.randn(5, 3, 10));
                second.call({|RNN009:output|});
                """,
                members: "    const int Hidden = 20;\n"),
            Snippet.Method(
                """
                var first = nn.GRU(10, Hidden);
                var second = nn.GRU(hiddenSize: 8, inputSize: 20);
                var (output, _) = first.call(torch.randn(5, 3, 10));
                second.call(output);
                """,
                members: "    const int Hidden = 20;\n"),
            RecurrentLayerChainCodeFixProvider.SetInputSize);

        [Fact]
        public Task CellAfterACell() => VerifyFix.CodeFixAsync(
            Snippet.Method("""
                var first = nn.LSTMCell(10, 20);
                var second = nn.GRUCell(16, 8);
                var (h, c) = first.call(torch.randn(3, 10), (torch.zeros(3, 20), torch.zeros(3, 20)));
                second.forward({|RNN009:h|}, torch.zeros(3, 8));
                """),
            Snippet.Method("""
                var first = nn.LSTMCell(10, 20);
                var second = nn.GRUCell(20, 8);
                var (h, c) = first.call(torch.randn(3, 10), (torch.zeros(3, 20), torch.zeros(3, 20)));
                second.forward(h, torch.zeros(3, 8));
                """),
            RecurrentLayerChainCodeFixProvider.SetInputSize);

        [Fact]
        public Task EditsTheFieldsFactoryCallInTheConstructor() => VerifyFix.CodeFixAsync(
            """
            using TorchSharp;
            using static TorchSharp.torch;

            sealed class Seq2Seq : nn.Module<Tensor, Tensor>
            {
                private readonly TorchSharp.Modules.LSTM encoder;
                private readonly TorchSharp.Modules.LSTM decoder;

                public Seq2Seq() : base(nameof(Seq2Seq))
                {
                    encoder = nn.LSTM(10, 20, bidirectional: true);
                    decoder = nn.LSTM(20, 30);
                    RegisterComponents();
                }

                public override Tensor forward(Tensor input)
                {
                    var (encoded, _, _) = encoder.call(input);
                    var (output, _, _) = decoder.call({|RNN009:encoded|});
                    return output;
                }
            }
            """,
            """
            using TorchSharp;
            using static TorchSharp.torch;

            sealed class Seq2Seq : nn.Module<Tensor, Tensor>
            {
                private readonly TorchSharp.Modules.LSTM encoder;
                private readonly TorchSharp.Modules.LSTM decoder;

                public Seq2Seq() : base(nameof(Seq2Seq))
                {
                    encoder = nn.LSTM(10, 20, bidirectional: true);
                    decoder = nn.LSTM(40, 30);
                    RegisterComponents();
                }

                public override Tensor forward(Tensor input)
                {
                    var (encoded, _, _) = encoder.call(input);
                    var (output, _, _) = decoder.call(encoded);
                    return output;
                }
            }
            """,
            RecurrentLayerChainCodeFixProvider.SetInputSize);

        /// <summary>The decoder's other call reads 20 features, which is right for it now.</summary>
        [Fact]
        public Task NotOfferedWhenAnotherCallOfTheLayerWouldBreak() => VerifyFix.NoCodeFixAsync(
            Snippet.Method("""
                var encoder = nn.LSTM(10, 20, bidirectional: true);
                var decoder = nn.LSTM(20, 30);
                var (encoded, _, _) = encoder.call(torch.randn(5, 3, 10));
                decoder.call({|RNN009:encoded|});
                decoder.call(torch.randn(5, 3, 20));
                """),
            RecurrentLayerChainCodeFixProvider.SetInputSize);

        /// <summary>Built in two places: a fix of one factory call would leave the other.</summary>
        [Fact]
        public Task NotOfferedForALayerBuiltInTwoPlaces() => VerifyFix.NoCodeFixAsync(
            """
            using TorchSharp;
            using static TorchSharp.torch;

            sealed class Seq2Seq : nn.Module<Tensor, Tensor>
            {
                private readonly TorchSharp.Modules.GRU encoder;
                private readonly TorchSharp.Modules.GRU decoder;

                public Seq2Seq(bool wide) : base(nameof(Seq2Seq))
                {
                    encoder = nn.GRU(10, 20, bidirectional: true);
                    decoder = nn.GRU(20, 30);
                    if (wide)
                    {
                        decoder = nn.GRU(20, 30);
                    }

                    RegisterComponents();
                }

                public override Tensor forward(Tensor input)
                {
                    var (encoded, _) = encoder.call(input);
                    return decoder.call({|RNN009:encoded|}).Item1;
                }
            }
            """,
            RecurrentLayerChainCodeFixProvider.SetInputSize);

        /// <summary>Two calls of one decoder on the same encoder's output both ask for 40: inputSize is set once.</summary>
        [Fact]
        public Task FixAllSetsEveryReaderInTheDocument()
        {
            var test = new VerifyFix.Test
            {
                TestCode = Snippet.Method("""
                    var encoder = nn.LSTM(10, 20, bidirectional: true);
                    var decoder = nn.LSTM(20, 30);
                    var (encoded, _, _) = encoder.call(torch.randn(5, 3, 10));
                    decoder.call({|RNN009:encoded|});
                    decoder.call({|RNN009:encoded.detach()|});
                    var gru = nn.GRU(4, 6);
                    var rnn = nn.RNN(4, 2);
                    var (steps, _) = gru.call(torch.randn(7, 2, 4));
                    rnn.call({|RNN009:steps|});
                    """),
                FixedCode = Snippet.Method("""
                    var encoder = nn.LSTM(10, 20, bidirectional: true);
                    var decoder = nn.LSTM(40, 30);
                    var (encoded, _, _) = encoder.call(torch.randn(5, 3, 10));
                    decoder.call(encoded);
                    decoder.call(encoded.detach());
                    var gru = nn.GRU(4, 6);
                    var rnn = nn.RNN(6, 2);
                    var (steps, _) = gru.call(torch.randn(7, 2, 4));
                    rnn.call(steps);
                    """),
                CodeActionEquivalenceKey = RecurrentLayerChainCodeFixProvider.SetInputSize,
                NumberOfIncrementalIterations = 2,
                NumberOfFixAllIterations = 1,
            };
            return test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task FixAllInTheProjectAndSolution()
        {
            var test = new VerifyFix.Test
            {
                CodeActionEquivalenceKey = RecurrentLayerChainCodeFixProvider.SetInputSize,
                NumberOfIncrementalIterations = 2,
                NumberOfFixAllInDocumentIterations = 2,
                NumberOfFixAllInProjectIterations = 1,
                NumberOfFixAllIterations = 1,
            };
            test.TestState.Sources.Add(Snippet.Method("""
                var encoder = nn.GRU(10, 20, bidirectional: true);
                var decoder = nn.GRU(20, 30);
                decoder.call({|RNN009:encoder.call(torch.randn(5, 3, 10)).Item1|});
                """));
            test.TestState.Sources.Add(Snippet.Method("""
                var encoder = nn.LSTM(4, 8);
                var decoder = nn.RNN(4, 8);
                var (encoded, _, _) = encoder.call(torch.randn(5, 3, 4));
                decoder.call({|RNN009:encoded|});
                """, className: "D"));
            test.FixedState.Sources.Add(Snippet.Method("""
                var encoder = nn.GRU(10, 20, bidirectional: true);
                var decoder = nn.GRU(40, 30);
                decoder.call(encoder.call(torch.randn(5, 3, 10)).Item1);
                """));
            test.FixedState.Sources.Add(Snippet.Method("""
                var encoder = nn.LSTM(4, 8);
                var decoder = nn.RNN(8, 8);
                var (encoded, _, _) = encoder.call(torch.randn(5, 3, 4));
                decoder.call(encoded);
                """, className: "D"));
            return test.RunAsync(CancellationToken.None);
        }
    }
}
