using System.Threading;
using System.Threading.Tasks;
using RnnShapeAnalyzers.CodeFixes;
using RnnShapeAnalyzers.Tests.Verifiers;
using Xunit;
using VerifyFix = RnnShapeAnalyzers.Tests.Verifiers.Verify<RnnShapeAnalyzers.CodeFixes.LinearAfterRecurrentCodeFixProvider>;

namespace RnnShapeAnalyzers.Tests
{
    /// <summary>RNN010 fix: set the Linear's in_features (its first argument) to the features it reads.</summary>
    public class LinearAfterRecurrentCodeFixTests
    {
        [Fact]
        public Task SetsInFeaturesToTheBidirectionalOutputsFeatures() => VerifyFix.CodeFixAsync(
            Snippet.Method("""
                var gru = nn.GRU(10, 20, batchFirst: true, bidirectional: true);
                var head = nn.Linear(20, 5);
                var (output, _) = gru.call(torch.randn(4, 7, 10));
                head.call({|RNN010:output|});
                """),
            Snippet.Method("""
                var gru = nn.GRU(10, 20, batchFirst: true, bidirectional: true);
                var head = nn.Linear(40, 5);
                var (output, _) = gru.call(torch.randn(4, 7, 10));
                head.call(output);
                """),
            LinearAfterRecurrentCodeFixProvider.SetInputSize);

        [Fact]
        public Task SetsInFeaturesToHiddenSizeForTheLastHiddenState() => VerifyFix.CodeFixAsync(
            Snippet.Method(
                """
                var lstm = nn.LSTM(10, Hidden, numLayers: 2, bidirectional: true);
                var head = nn.Linear(inputSize: 2 * Hidden, outputSize: 5);
                var (_, hN, _) = lstm.call(torch.randn(5, 4, 10));
                head.call({|RNN010:hN[-1]|});
                """,
                members: "    const int Hidden = 20;\n"),
            Snippet.Method(
                """
                var lstm = nn.LSTM(10, Hidden, numLayers: 2, bidirectional: true);
                var head = nn.Linear(inputSize: 20, outputSize: 5);
                var (_, hN, _) = lstm.call(torch.randn(5, 4, 10));
                head.call(hN[-1]);
                """,
                members: "    const int Hidden = 20;\n"),
            LinearAfterRecurrentCodeFixProvider.SetInputSize);

        /// <summary>A forward parameter has an unknown rank; the last dimension of the output is still known.</summary>
        [Fact]
        public Task EditsTheFieldsFactoryCallInTheConstructor() => VerifyFix.CodeFixAsync(
            """
            using TorchSharp;
            using static TorchSharp.torch;

            sealed class Classifier : nn.Module<Tensor, Tensor>
            {
                private readonly TorchSharp.Modules.LSTM encoder;
                private readonly TorchSharp.Modules.Linear head;

                public Classifier() : base(nameof(Classifier))
                {
                    encoder = nn.LSTM(10, 20, bidirectional: true, batchFirst: true);
                    head = nn.Linear(20, 5);
                    RegisterComponents();
                }

                public override Tensor forward(Tensor input)
                {
                    var (output, _, _) = encoder.call(input);
                    return head.call({|RNN010:output[TensorIndex.Colon, -1, TensorIndex.Colon]|});
                }
            }
            """,
            """
            using TorchSharp;
            using static TorchSharp.torch;

            sealed class Classifier : nn.Module<Tensor, Tensor>
            {
                private readonly TorchSharp.Modules.LSTM encoder;
                private readonly TorchSharp.Modules.Linear head;

                public Classifier() : base(nameof(Classifier))
                {
                    encoder = nn.LSTM(10, 20, bidirectional: true, batchFirst: true);
                    head = nn.Linear(40, 5);
                    RegisterComponents();
                }

                public override Tensor forward(Tensor input)
                {
                    var (output, _, _) = encoder.call(input);
                    return head.call(output[TensorIndex.Colon, -1, TensorIndex.Colon]);
                }
            }
            """,
            LinearAfterRecurrentCodeFixProvider.SetInputSize);

        /// <summary>The head also reads h_n[-1], 20 features, which is right for it now.</summary>
        [Fact]
        public Task NotOfferedWhenAnotherCallOfTheLinearWouldBreak() => VerifyFix.NoCodeFixAsync(
            Snippet.Method("""
                var lstm = nn.LSTM(10, 20, bidirectional: true);
                var head = nn.Linear(20, 5);
                var (output, hN, _) = lstm.call(torch.randn(5, 3, 10));
                head.call(hN[-1]);
                head.call({|RNN010:output|});
                """),
            LinearAfterRecurrentCodeFixProvider.SetInputSize);

        /// <summary>Two calls of one head need 40 and 20: neither value fits both.</summary>
        [Fact]
        public Task NotOfferedWhenTwoCallsOfTheLinearDisagree() => VerifyFix.NoCodeFixAsync(
            Snippet.Method("""
                var lstm = nn.LSTM(10, 20, bidirectional: true);
                var head = nn.Linear(30, 5);
                var (output, hN, _) = lstm.call(torch.randn(5, 3, 10));
                head.call({|RNN010:hN[-1]|});
                head.call({|RNN010:output|});
                """),
            LinearAfterRecurrentCodeFixProvider.SetInputSize);

        [Fact]
        public Task FixAllSetsEveryHeadInTheDocument()
        {
            var test = new VerifyFix.Test
            {
                TestCode = Snippet.Method("""
                    var gru = nn.GRU(10, 20, bidirectional: true);
                    var (output, hN) = gru.call(torch.randn(5, 3, 10));
                    var head = nn.Linear(20, 5);
                    head.call({|RNN010:output|});
                    head.call({|RNN010:output[-1]|});
                    var stateHead = nn.Linear(40, 5);
                    stateHead.call({|RNN010:hN[-1]|});
                    """),
                FixedCode = Snippet.Method("""
                    var gru = nn.GRU(10, 20, bidirectional: true);
                    var (output, hN) = gru.call(torch.randn(5, 3, 10));
                    var head = nn.Linear(40, 5);
                    head.call(output);
                    head.call(output[-1]);
                    var stateHead = nn.Linear(20, 5);
                    stateHead.call(hN[-1]);
                    """),
                CodeActionEquivalenceKey = LinearAfterRecurrentCodeFixProvider.SetInputSize,
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
                CodeActionEquivalenceKey = LinearAfterRecurrentCodeFixProvider.SetInputSize,
                NumberOfIncrementalIterations = 2,
                NumberOfFixAllInDocumentIterations = 2,
                NumberOfFixAllInProjectIterations = 1,
                NumberOfFixAllIterations = 1,
            };
            test.TestState.Sources.Add(Snippet.Method("""
                var lstm = nn.LSTM(10, 20, bidirectional: true);
                var (output, _, _) = lstm.call(torch.randn(5, 3, 10));
                nn.Linear(20, 5).call({|RNN010:output|});
                """));
            test.TestState.Sources.Add(Snippet.Method("""
                var cell = nn.GRUCell(4, 6);
                var h = cell.forward(torch.randn(3, 4), torch.zeros(3, 6));
                nn.Linear(4, 2).call({|RNN010:h|});
                """, className: "D"));
            test.FixedState.Sources.Add(Snippet.Method("""
                var lstm = nn.LSTM(10, 20, bidirectional: true);
                var (output, _, _) = lstm.call(torch.randn(5, 3, 10));
                nn.Linear(40, 5).call(output);
                """));
            test.FixedState.Sources.Add(Snippet.Method("""
                var cell = nn.GRUCell(4, 6);
                var h = cell.forward(torch.randn(3, 4), torch.zeros(3, 6));
                nn.Linear(6, 2).call(h);
                """, className: "D"));
            return test.RunAsync(CancellationToken.None);
        }
    }
}
