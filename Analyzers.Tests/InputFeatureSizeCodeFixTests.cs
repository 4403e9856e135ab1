using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using RnnShapeAnalyzers.CodeFixes;
using RnnShapeAnalyzers.Tests.Verifiers;
using Xunit;
using VerifyFix = RnnShapeAnalyzers.Tests.Verifiers.Verify<RnnShapeAnalyzers.CodeFixes.InputFeatureSizeCodeFixProvider>;

namespace RnnShapeAnalyzers.Tests
{
    /// <summary>RNN001 fixes: set the layer's inputSize (first), or change the input's last dimension.</summary>
    public class InputFeatureSizeCodeFixTests
    {
        [Fact]
        public Task SetInputSizeToTheInputsFeatures() => VerifyFix.CodeFixAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                rnn.call({|RNN001:torch.randn(5, 3, 7)|});
                """),
            Snippet.Method("""
                var rnn = nn.RNN(7, 20);
                rnn.call(torch.randn(5, 3, 7));
                """),
            InputFeatureSizeCodeFixProvider.SetInputSize);

        [Fact]
        public Task SetInputFeaturesIsTheSecondFix() => VerifyFix.CodeFixAsync(
            Snippet.Method("""
                var lstm = nn.LSTM(10, 20);
                var x = torch.randn(5, 3, 7);
                lstm.call({|RNN001:x|});
                """),
            Snippet.Method("""
                var lstm = nn.LSTM(10, 20);
                var x = torch.randn(5, 3, 10);
                lstm.call(x);
                """),
            InputFeatureSizeCodeFixProvider.SetInputFeatures,
            codeActionIndex: 1);

        [Fact]
        public Task SetInputFeaturesInACollectionExpression() => VerifyFix.CodeFixAsync(
            Snippet.Method("""
                var gru = nn.GRU(10, 20);
                gru.forward({|RNN001:torch.randn([5, 3, 7])|});
                """),
            Snippet.Method("""
                var gru = nn.GRU(10, 20);
                gru.forward(torch.randn([5, 3, 10]));
                """),
            InputFeatureSizeCodeFixProvider.SetInputFeatures,
            codeActionIndex: 1);

        [Fact]
        public Task SetInputSizeKeepsTheArgumentName() => VerifyFix.CodeFixAsync(
            Snippet.Method("""
                var rnn = nn.RNN(hiddenSize: 20, inputSize: 10);
                rnn.call({|RNN001:torch.randn(5, 3, 7)|});
                """),
            Snippet.Method("""
                var rnn = nn.RNN(hiddenSize: 20, inputSize: 7);
                rnn.call(torch.randn(5, 3, 7));
                """),
            InputFeatureSizeCodeFixProvider.SetInputSize);

        /// <summary>The constant may be used elsewhere; the fix changes only what this layer is given.</summary>
        [Fact]
        public Task SetInputSizeReplacesTheArgumentNotTheConstant() => VerifyFix.CodeFixAsync(
            Snippet.Method(
                """
                var rnn = nn.RNN(InputSize, 20);
                rnn.call({|RNN001:torch.randn(5, 3, Features)|});
                """,
                members: "    const int InputSize = 10, Features = 7;\n"),
            Snippet.Method(
                """
                var rnn = nn.RNN(7, 20);
                rnn.call(torch.randn(5, 3, Features));
                """,
                members: "    const int InputSize = 10, Features = 7;\n"),
            InputFeatureSizeCodeFixProvider.SetInputSize);

        [Fact]
        public Task TwoCallsOfOneLayerGetInputSizeSetOnce()
        {
            var test = new VerifyFix.Test
            {
                TestCode = Snippet.Method("""
                    var rnn = nn.RNN(10, 20);
                    rnn.forward({|RNN001:torch.randn(5, 3, 7)|}, null);
                    rnn.forward({|RNN001:torch.randn(9, 2, 7)|}, null);
                    """),
                FixedCode = Snippet.Method("""
                    var rnn = nn.RNN(7, 20);
                    rnn.forward(torch.randn(5, 3, 7), null);
                    rnn.forward(torch.randn(9, 2, 7), null);
                    """),
                CodeActionEquivalenceKey = InputFeatureSizeCodeFixProvider.SetInputSize,
                CodeActionIndex = 0,
                NumberOfIncrementalIterations = 1,
                NumberOfFixAllIterations = 1,
            };
            return test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task FixAllSetsInputSizeOfEveryLayerInTheDocument()
        {
            var test = new VerifyFix.Test
            {
                TestCode = Snippet.Method("""
                    var rnn = nn.RNN(10, 20);
                    var lstm = nn.LSTM(hiddenSize: 20, inputSize: 12);
                    var gru = nn.GRU(4, 8, batchFirst: true);
                    rnn.call({|RNN001:torch.randn(5, 3, 7)|});
                    lstm.call({|RNN001:torch.randn(5, 3, 6)|});
                    gru.call({|RNN001:torch.randn(new long[] { 3, 5, 2 })|});
                    """),
                FixedCode = Snippet.Method("""
                    var rnn = nn.RNN(7, 20);
                    var lstm = nn.LSTM(hiddenSize: 20, inputSize: 6);
                    var gru = nn.GRU(2, 8, batchFirst: true);
                    rnn.call(torch.randn(5, 3, 7));
                    lstm.call(torch.randn(5, 3, 6));
                    gru.call(torch.randn(new long[] { 3, 5, 2 }));
                    """),
                CodeActionEquivalenceKey = InputFeatureSizeCodeFixProvider.SetInputSize,
                CodeActionIndex = 0,
                NumberOfIncrementalIterations = 3,
                NumberOfFixAllIterations = 1,
            };
            return test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task FixAllSetsInputFeaturesInEveryDocumentOfTheProject()
        {
            var test = new VerifyFix.Test
            {
                // Index 0 in the first document (the two calls disagree, so SetInputSize is not offered), 1 in the second.
                CodeActionEquivalenceKey = InputFeatureSizeCodeFixProvider.SetInputFeatures,
                NumberOfIncrementalIterations = 3,
                NumberOfFixAllInDocumentIterations = 2,
                NumberOfFixAllInProjectIterations = 1,
                NumberOfFixAllIterations = 1,
            };
            test.TestState.Sources.Add(Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                rnn.call({|RNN001:torch.randn(5, 3, 7)|});
                rnn.call({|RNN001:torch.zeros(2, 1, 3)|});
                """));
            test.TestState.Sources.Add(Snippet.Method("""
                var gru = nn.GRU(4, 8);
                gru.call({|RNN001:torch.ones([2, 1, 5])|});
                """, className: "D"));
            test.FixedState.Sources.Add(Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                rnn.call(torch.randn(5, 3, 10));
                rnn.call(torch.zeros(2, 1, 10));
                """));
            test.FixedState.Sources.Add(Snippet.Method("""
                var gru = nn.GRU(4, 8);
                gru.call(torch.ones([2, 1, 4]));
                """, className: "D"));
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>Changing inputSize to 7 would break the first call, which is right as it is.</summary>
        [Fact]
        public Task SetInputSizeIsNotOfferedWhenAnotherCallOfTheLayerWouldBreak() => VerifyFix.CodeFixAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                rnn.call(torch.randn(5, 3, 10));
                rnn.call({|RNN001:torch.randn(5, 3, 7)|});
                """),
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                rnn.call(torch.randn(5, 3, 10));
                rnn.call(torch.randn(5, 3, 10));
                """),
            InputFeatureSizeCodeFixProvider.SetInputFeatures,
            codeActionIndex: 0);

        [Fact]
        public Task SetInputSizeIsNotOfferedWhenTwoCallsDisagreeOnTheFeatures() => VerifyFix.CodeFixAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                rnn.call({|RNN001:torch.randn(5, 3, 5)|});
                rnn.call({|RNN001:torch.randn(5, 3, 7)|});
                """),
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                rnn.call(torch.randn(5, 3, 10));
                rnn.call(torch.randn(5, 3, 10));
                """),
            InputFeatureSizeCodeFixProvider.SetInputFeatures,
            codeActionIndex: 0);

        /// <summary>The input is right for the second layer; giving it 10 features would break that call.</summary>
        [Fact]
        public Task SetInputFeaturesIsNotOfferedWhenTheInputIsSharedWithACallItFits() => VerifyFix.CodeFixAsync(
            Snippet.Method("""
                var ten = nn.RNN(10, 20);
                var seven = nn.GRU(7, 20);
                var x = torch.randn(5, 3, 7);
                ten.call({|RNN001:x|});
                seven.call(x);
                """),
            Snippet.Method("""
                var ten = nn.RNN(7, 20);
                var seven = nn.GRU(7, 20);
                var x = torch.randn(5, 3, 7);
                ten.call(x);
                seven.call(x);
                """),
            InputFeatureSizeCodeFixProvider.SetInputSize,
            codeActionIndex: 0);

        [Fact]
        public Task AskingForSetInputFeaturesChangesNothingWhenTheInputIsSharedWithACallItFits() => VerifyFix.NoCodeFixAsync(
            Snippet.Method("""
                var ten = nn.RNN(10, 20);
                var seven = nn.GRU(7, 20);
                var x = torch.randn(5, 3, 7);
                ten.call({|RNN001:x|});
                seven.call(x);
                """),
            InputFeatureSizeCodeFixProvider.SetInputFeatures);

        [Fact]
        public Task AskingForSetInputSizeChangesNothingWhenAnotherCallWouldBreak() => VerifyFix.NoCodeFixAsync(
            Snippet.Method("""
                var rnn = nn.RNN(10, 20);
                rnn.call(torch.randn(5, 3, 10));
                rnn.call({|RNN001:torch.randn(5, 3, 7)|});
                """),
            InputFeatureSizeCodeFixProvider.SetInputSize);
    }
}
