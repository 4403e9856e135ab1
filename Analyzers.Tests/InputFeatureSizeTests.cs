using System.Threading.Tasks;
using RnnShapeAnalyzers.Tests.Verifiers;
using Xunit;

namespace RnnShapeAnalyzers.Tests
{
    /// <summary>RNN001: the input's last dimension must equal the layer's inputSize.</summary>
    public class InputFeatureSizeTests
    {
        [Fact]
        public Task MessageNamesTheFeaturesTheLayerAndTheExpectedShape() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                var x = torch.randn(5, 3, 7);
                rnn.call({|#0:x|});
                """),
            Verify.Diagnostic("RNN001").WithLocation(0).WithMessage(
                "Input [5, 3, 7] has 7 features in its last dimension but the RNN was built with inputSize 10; expected input shape [5, 3, 10]"));

        [Fact]
        public Task LiteralDimensionsInline() => Verify.AnalyzerAsync(Snippet.Method("""
            var rnn = nn.RNN(10, 20);
            rnn.call({|RNN001:torch.randn(5, 3, 7)|});
            """));

        [Fact]
        public Task ConstFields() => Verify.AnalyzerAsync(Snippet.Method(
            """
            var lstm = nn.LSTM(InputSize, Hidden);
            lstm.call({|#0:torch.randn(Steps, Batch, Features)|});
            """,
            members: """
                    const int InputSize = 12;
                    const long Hidden = 20, Steps = 5, Batch = 3;
                    const int Features = 10;

                """),
            Verify.Diagnostic("RNN001").WithLocation(0).WithArguments("[5, 3, 10]", "10", "LSTM", "12", "[5, 3, 12]"));

        [Fact]
        public Task ConstLocals() => Verify.AnalyzerAsync(Snippet.Method("""
            const int inputSize = 8;
            const long features = inputSize + 1;
            var gru = nn.GRU(inputSize, 16);
            gru.call({|#0:torch.randn(4, 2, features)|});
            """),
            Verify.Diagnostic("RNN001").WithLocation(0).WithArguments("[4, 2, 9]", "9", "GRU", "8", "[4, 2, 8]"));

        [Fact]
        public Task LocalsAssignedOnce() => Verify.AnalyzerAsync(Snippet.Method("""
            var inputSize = 4;
            var features = 6;
            var layer = nn.RNN(inputSize, 20);
            var input = torch.randn(10, 2, features);
            var result = layer.call({|#0:input|});
            """),
            Verify.Diagnostic("RNN001").WithLocation(0).WithArguments("[10, 2, 6]", "6", "RNN", "4", "[10, 2, 4]"));

        [Fact]
        public Task ArithmeticOnLocals() => Verify.AnalyzerAsync(Snippet.Method("""
            var unit = 5;
            var two = 2;
            var rnn = nn.RNN(unit * two + 1, 20);
            var x = torch.randn(unit - 3, 12 / 4 + unit, (unit * 4) / two);
            rnn.call({|#0:x|});
            """),
            Verify.Diagnostic("RNN001").WithLocation(0).WithArguments("[2, 8, 10]", "10", "RNN", "11", "[2, 8, 11]"));

        [Fact]
        public Task NamedArgumentsInAnyOrder() => Verify.AnalyzerAsync(Snippet.Method("""
            var rnn = nn.RNN(hiddenSize: 20, inputSize: 10);
            rnn.call({|#0:torch.randn(5, 3, 20)|});
            """),
            Verify.Diagnostic("RNN001").WithLocation(0).WithArguments("[5, 3, 20]", "20", "RNN", "10", "[5, 3, 10]"));

        [Fact]
        public Task NamedTensorDimensionsAreRead() => Verify.AnalyzerAsync(Snippet.Method("""
            var rnn = nn.RNN(10, 20);
            rnn.call({|#0:torch.zeros(dim2: 7, dim0: 5, dim1: 3)|});
            """),
            Verify.Diagnostic("RNN001").WithLocation(0).WithArguments("[5, 3, 7]", "7", "RNN", "10", "[5, 3, 10]"));

        [Fact]
        public Task StateOmittedOrDefaulted() => Verify.AnalyzerAsync(Snippet.Method("""
            var gru = nn.GRU(10, 20);
            var lstm = nn.LSTM(10, 20);
            var x = torch.randn(5, 3, 7);
            gru.call({|RNN001:x|});
            gru.forward({|RNN001:x|});
            lstm.forward({|RNN001:x|});
            """));

        [Fact]
        public Task LstmWithInlineStateTuple() => Verify.AnalyzerAsync(Snippet.Method("""
            var lstm = nn.LSTM(10, 20);
            var h0 = torch.zeros(1, 3, 20);
            var c0 = torch.zeros(1, 3, 20);
            var (output, hn, cn) = lstm.call({|RNN001:torch.randn(5, 3, 7)|}, (h0, c0));
            """));

        [Fact]
        public Task LstmWithStateTupleLocal() => Verify.AnalyzerAsync(Snippet.Method("""
            var lstm = nn.LSTM(10, 20);
            var state = (torch.zeros(1, 3, 20), torch.zeros(1, 3, 20));
            lstm.forward({|RNN001:torch.randn(5, 3, 7)|}, state);
            """));

        [Fact]
        public Task BidirectionalLayerStillNeedsInputSizeFeatures() => Verify.AnalyzerAsync(Snippet.Method("""
            var gru = nn.GRU(10, 20, bidirectional: true);
            gru.call({|#0:torch.randn(5, 3, 40)|}, torch.zeros(2, 3, 20));
            """),
            Verify.Diagnostic("RNN001").WithLocation(0).WithArguments("[5, 3, 40]", "40", "GRU", "10", "[5, 3, 10]"));

        [Fact]
        public Task StackedLayerChecksOnlyTheFirstLayersInputSize() => Verify.AnalyzerAsync(Snippet.Method("""
            var rnn = nn.RNN(10, 20, numLayers: 3);
            rnn.call({|#0:torch.randn(5, 3, 20)|}, torch.zeros(3, 3, 20));
            """),
            Verify.Diagnostic("RNN001").WithLocation(0).WithArguments("[5, 3, 20]", "20", "RNN", "10", "[5, 3, 10]"));

        [Fact]
        public Task BatchFirstTrueAndFalse() => Verify.AnalyzerAsync(Snippet.Method("""
            var first = nn.LSTM(10, 20, batchFirst: true);
            var second = nn.LSTM(10, 20, batchFirst: false);
            first.call({|#0:torch.randn(3, 5, 6)|});
            second.call({|#1:torch.randn(5, 3, 6)|});
            """),
            Verify.Diagnostic("RNN001").WithLocation(0).WithArguments("[3, 5, 6]", "6", "LSTM", "10", "[3, 5, 10]"),
            Verify.Diagnostic("RNN001").WithLocation(1).WithArguments("[5, 3, 6]", "6", "LSTM", "10", "[5, 3, 10]"));

        [Fact]
        public Task ReportedEvenWhenBatchFirstIsUnknown() => Verify.AnalyzerAsync(
            Snippet.Method(
                """
                var rnn = nn.RNN(10, 20, batchFirst: batchFirst);
                rnn.call({|RNN001:torch.randn(5, 3, 7)|});
                """,
                parameters: "bool batchFirst"));

        [Fact]
        public Task CallAndForward() => Verify.AnalyzerAsync(Snippet.Method("""
            var rnn = nn.RNN(10, 20);
            var x = torch.randn(5, 3, 7);
            var h0 = torch.zeros(1, 3, 20);
            rnn.call({|RNN001:x|}, h0);
            rnn.forward({|RNN001:x|}, h0);
            """));

        [Fact]
        public Task DimensionsAsLongArray() => Verify.AnalyzerAsync(Snippet.Method("""
            var rnn = nn.RNN(10, 20);
            rnn.call({|#0:torch.randn(new long[] { 5, 3, 7 })|});
            """),
            Verify.Diagnostic("RNN001").WithLocation(0).WithArguments("[5, 3, 7]", "7", "RNN", "10", "[5, 3, 10]"));

        [Fact]
        public Task DimensionsAsImplicitlyTypedArray() => Verify.AnalyzerAsync(Snippet.Method("""
            var rnn = nn.RNN(10, 20);
            rnn.call({|#0:torch.ones(new[] { 5L, 3L, 7L })|});
            """),
            Verify.Diagnostic("RNN001").WithLocation(0).WithArguments("[5, 3, 7]", "7", "RNN", "10", "[5, 3, 10]"));

        [Fact]
        public Task DimensionsAsCollectionExpression() => Verify.AnalyzerAsync(Snippet.Method("""
            var rnn = nn.RNN(10, 20);
            rnn.call({|#0:torch.rand([5, 3, 7])|});
            """),
            Verify.Diagnostic("RNN001").WithLocation(0).WithArguments("[5, 3, 7]", "7", "RNN", "10", "[5, 3, 10]"));

        [Fact]
        public Task EveryTensorFactory() => Verify.AnalyzerAsync(Snippet.Method("""
            var rnn = nn.RNN(10, 20);
            rnn.call({|RNN001:torch.randn(5, 3, 7)|});
            rnn.call({|RNN001:torch.rand(5, 3, 7)|});
            rnn.call({|RNN001:torch.zeros(5, 3, 7)|});
            rnn.call({|RNN001:torch.ones(5, 3, 7)|});
            rnn.call({|RNN001:torch.empty(5, 3, 7)|});
            rnn.call({|RNN001:torch.full(5, 3, 7, 0.5f)|});
            """));

        [Fact]
        public Task DtypeAndDeviceArgumentsAreNotDimensions() => Verify.AnalyzerAsync(Snippet.Method("""
            var rnn = nn.RNN(10, 20, device: torch.CPU, dtype: torch.float32);
            rnn.call({|#0:torch.randn(5, 3, 7, dtype: torch.float32, device: torch.CPU)|});
            rnn.call(torch.randn(5, 3, 10, torch.float32, torch.CPU));
            """),
            Verify.Diagnostic("RNN001").WithLocation(0).WithArguments("[5, 3, 7]", "7", "RNN", "10", "[5, 3, 10]"));

        [Fact]
        public Task FactoriesThroughAnyQualification() => Verify.AnalyzerAsync(
            """
            using TorchSharp;
            using static TorchSharp.torch.nn;
            class C
            {
                void M()
                {
                    using var rnn = RNN(10, 20);
                    rnn.call({|RNN001:TorchSharp.torch.randn(5, 3, 7)|});
                    TorchSharp.Modules.LSTM lstm = torch.nn.LSTM(10, 20);
                    lstm.call({|RNN001:global::TorchSharp.torch.zeros(5, 3, 7)|});
                }
            }
            """);

        [Fact]
        public Task CallsInsideLambdasAndLocalFunctions() => Verify.AnalyzerAsync(Snippet.Method("""
            var rnn = nn.RNN(10, 20);
            var x = torch.randn(5, 3, 7);
            Action run = () => rnn.call({|RNN001:x|});
            void Local() => rnn.forward({|RNN001:x|}, null);
            Func<Tensor> make = () =>
            {
                var gru = nn.GRU(4, 8);
                return gru.call({|RNN001:torch.randn(2, 1, 5)|}).Item1;
            };
            """));

        [Fact]
        public Task CorrectInputIsSilent() => Verify.AnalyzerAsync(Snippet.Method("""
            var rnn = nn.RNN(10, 20);
            var lstm = nn.LSTM(hiddenSize: 20, inputSize: 7, batchFirst: true, bidirectional: true, numLayers: 2);
            var gru = nn.GRU(4, 8);
            rnn.call(torch.randn(5, 3, 10));
            lstm.call(torch.randn(3, 5, 7), (torch.zeros(4, 3, 20), torch.zeros(4, 3, 20)));
            gru.forward(torch.randn([2, 1, 4]));
            """));

        [Fact]
        public Task SizesFromParametersAreUnknown() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                rnn.call(torch.randn(5, 3, features));
                var other = nn.RNN(inputSize, 20);
                other.call(torch.randn(5, 3, 7));
                """,
                parameters: "long features, long inputSize"));

        [Fact]
        public Task FeaturesFromAMethodCallAreUnknown() => Verify.AnalyzerAsync(Snippet.Method(
            """
            var rnn = nn.RNN(10, 20);
            rnn.call(torch.randn(5, 3, Features()));
            rnn.call(torch.randn(5, 3, 7).matmul(torch.randn(7, 7)));
            var other = nn.RNN(Features(), 20);
            other.call(torch.randn(5, 3, 7));
            """,
            members: "    static long Features() => 7;\n"));

        [Fact]
        public Task LocalReassignedInABranchIsUnknown() => Verify.AnalyzerAsync(Snippet.Method(
            """
            var rnn = nn.RNN(10, 20);
            var x = torch.randn(5, 3, 7);
            if (flag)
            {
                x = torch.randn(5, 3, 10);
            }

            rnn.call(x);
            var features = 10;
            if (!flag)
            {
                features = 7;
            }

            rnn.call(torch.randn(5, 3, features));
            """,
            parameters: "bool flag"));

        [Fact]
        public Task LocalPassedByRefOrOutIsUnknown() => Verify.AnalyzerAsync(Snippet.Method(
            """
            var rnn = nn.RNN(10, 20);
            var x = torch.randn(5, 3, 7);
            Replace(ref x);
            rnn.call(x);
            var y = torch.randn(5, 3, 7);
            Make(out y);
            rnn.call(y);
            """,
            members: """
                    static void Replace(ref Tensor t) => t = torch.randn(5, 3, 10);
                    static void Make(out Tensor t) => t = torch.randn(5, 3, 10);

                """));

        [Fact]
        public Task LocalMutatedInPlaceIsUnknown() => Verify.AnalyzerAsync(Snippet.Method("""
            var rnn = nn.RNN(10, 20);
            var x = torch.randn(5, 10, 3);
            x.transpose_(1, 2);
            rnn.call(x);
            """));

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public Task LookalikeApiInAnotherNamespaceIsSilent(bool referenceTorchSharp)
            => Verify.NoDiagnosticsAsync(Lookalike.Method("var rnn = nn.RNN(10, 20);\nrnn.call(torch.randn(5, 3, 7));\nvar lstm = nn.LSTM(10, 20);\nlstm.call(torch.randn(5, 3, 7));"), referenceTorchSharp);

        [Fact]
        public Task LayerFromAParameterIsNotChecked() => Verify.AnalyzerAsync(
            Snippet.Method("rnn.call(torch.randn(5, 3, 7));\nlstm.forward(torch.randn(5, 3, 7));", parameters: "RNN rnn, LSTM lstm"));

        [Fact]
        public Task LayerLocalReassignedIsNotChecked() => Verify.AnalyzerAsync(Snippet.Method(
            """
            var rnn = nn.RNN(10, 20);
            if (flag)
            {
                rnn = nn.RNN(7, 20);
            }

            rnn.call(torch.randn(5, 3, 7));
            var gru = nn.GRU(7, 20);
            if (flag)
            {
                gru = nn.GRU(10, 20);
            }

            gru.call(torch.randn(5, 3, 7));
            """,
            parameters: "bool flag"));
    }
}
