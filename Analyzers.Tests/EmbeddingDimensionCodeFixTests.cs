using System.Threading;
using System.Threading.Tasks;
using RnnShapeAnalyzers.CodeFixes;
using RnnShapeAnalyzers.Tests.Verifiers;
using Xunit;
using VerifyFix = RnnShapeAnalyzers.Tests.Verifiers.Verify<RnnShapeAnalyzers.CodeFixes.EmbeddingDimensionCodeFixProvider>;

namespace RnnShapeAnalyzers.Tests
{
    /// <summary>RNN011 fix: set the recurrent layer's inputSize to the embedding's embedding_dims.</summary>
    public class EmbeddingDimensionCodeFixTests
    {
        [Fact]
        public Task SetsInputSizeToTheEmbeddingDimension() => VerifyFix.CodeFixAsync(
            Snippet.Method(
                """
                var embedding = nn.Embedding(100, 32);
                var gru = nn.GRU(16, 8, batchFirst: true);
                gru.call({|RNN011:embedding.call(tokens)|});
                """,
                parameters: "Tensor tokens"),
            Snippet.Method(
                """
                var embedding = nn.Embedding(100, 32);
                var gru = nn.GRU(32, 8, batchFirst: true);
                gru.call(embedding.call(tokens));
                """,
                parameters: "Tensor tokens"),
            EmbeddingDimensionCodeFixProvider.SetInputSize);

        [Fact]
        public Task CellReadingOneEmbeddedToken() => VerifyFix.CodeFixAsync(
            Snippet.Method(
                """
                var embedding = nn.Embedding(100, embedding_dims: 24);
                var cell = nn.LSTMCell(inputSize: 16, hiddenSize: 8);
                cell.call({|RNN011:embedding.call(token)|}, (torch.zeros(4, 8), torch.zeros(4, 8)));
                """,
                parameters: "Tensor token"),
            Snippet.Method(
                """
                var embedding = nn.Embedding(100, embedding_dims: 24);
                var cell = nn.LSTMCell(inputSize: 24, hiddenSize: 8);
                cell.call(embedding.call(token), (torch.zeros(4, 8), torch.zeros(4, 8)));
                """,
                parameters: "Tensor token"),
            EmbeddingDimensionCodeFixProvider.SetInputSize);

        [Fact]
        public Task EditsTheFieldsFactoryCallInTheConstructor() => VerifyFix.CodeFixAsync(
            """
            using TorchSharp;
            using static TorchSharp.torch;

            sealed class Tagger : nn.Module<Tensor, Tensor>
            {
                private readonly TorchSharp.Modules.Embedding embedding;
                private readonly TorchSharp.Modules.GRU rnn;

                public Tagger() : base(nameof(Tagger))
                {
                    embedding = nn.Embedding(100, 32);
                    rnn = nn.GRU(16, 8, batchFirst: true);
                    RegisterComponents();
                }

                public override Tensor forward(Tensor tokens)
                {
                    var (output, _) = rnn.call({|RNN011:embedding.call(tokens)|});
                    return output;
                }
            }
            """,
            """
            using TorchSharp;
            using static TorchSharp.torch;

            sealed class Tagger : nn.Module<Tensor, Tensor>
            {
                private readonly TorchSharp.Modules.Embedding embedding;
                private readonly TorchSharp.Modules.GRU rnn;

                public Tagger() : base(nameof(Tagger))
                {
                    embedding = nn.Embedding(100, 32);
                    rnn = nn.GRU(32, 8, batchFirst: true);
                    RegisterComponents();
                }

                public override Tensor forward(Tensor tokens)
                {
                    var (output, _) = rnn.call(embedding.call(tokens));
                    return output;
                }
            }
            """,
            EmbeddingDimensionCodeFixProvider.SetInputSize);

        /// <summary>The GRU also reads 16-feature data, which is right for it now.</summary>
        [Fact]
        public Task NotOfferedWhenAnotherCallOfTheLayerWouldBreak() => VerifyFix.NoCodeFixAsync(
            Snippet.Method(
                """
                var embedding = nn.Embedding(100, 32);
                var gru = nn.GRU(16, 8, batchFirst: true);
                gru.call({|RNN011:embedding.call(tokens)|});
                gru.call(torch.randn(4, 7, 16));
                """,
                parameters: "Tensor tokens"),
            EmbeddingDimensionCodeFixProvider.SetInputSize);

        [Fact]
        public Task NotOfferedWhenTwoEmbeddingsDisagree() => VerifyFix.NoCodeFixAsync(
            Snippet.Method(
                """
                var words = nn.Embedding(100, 32);
                var characters = nn.Embedding(50, 24);
                var gru = nn.GRU(16, 8, batchFirst: true);
                gru.call({|RNN011:words.call(tokens)|});
                gru.call({|RNN011:characters.call(tokens)|});
                """,
                parameters: "Tensor tokens"),
            EmbeddingDimensionCodeFixProvider.SetInputSize);

        [Fact]
        public Task FixAllSetsEveryReaderInTheDocument()
        {
            var test = new VerifyFix.Test
            {
                TestCode = Snippet.Method(
                    """
                    var embedding = nn.Embedding(100, 32);
                    var gru = nn.GRU(16, 8);
                    var lstm = nn.LSTM(hiddenSize: 8, inputSize: 64);
                    var embedded = embedding.call(tokens);
                    gru.call({|RNN011:embedded|});
                    gru.call({|RNN011:embedded.detach()|});
                    lstm.call({|RNN011:embedded|});
                    """,
                    parameters: "Tensor tokens"),
                FixedCode = Snippet.Method(
                    """
                    var embedding = nn.Embedding(100, 32);
                    var gru = nn.GRU(32, 8);
                    var lstm = nn.LSTM(hiddenSize: 8, inputSize: 32);
                    var embedded = embedding.call(tokens);
                    gru.call(embedded);
                    gru.call(embedded.detach());
                    lstm.call(embedded);
                    """,
                    parameters: "Tensor tokens"),
                CodeActionEquivalenceKey = EmbeddingDimensionCodeFixProvider.SetInputSize,
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
                CodeActionEquivalenceKey = EmbeddingDimensionCodeFixProvider.SetInputSize,
                NumberOfIncrementalIterations = 2,
                NumberOfFixAllInDocumentIterations = 2,
                NumberOfFixAllInProjectIterations = 1,
                NumberOfFixAllIterations = 1,
            };
            test.TestState.Sources.Add(Snippet.Method("""
                var embedding = nn.Embedding(100, 32);
                nn.GRU(16, 8).call({|RNN011:embedding.call(torch.zeros(7, 4, dtype: ScalarType.Int64))|});
                """));
            test.TestState.Sources.Add(Snippet.Method("""
                var embedding = nn.Embedding(10, 4);
                nn.RNNCell(3, 2).forward({|RNN011:embedding.call(torch.zeros(5, dtype: ScalarType.Int64))|}, null);
                """, className: "D"));
            test.FixedState.Sources.Add(Snippet.Method("""
                var embedding = nn.Embedding(100, 32);
                nn.GRU(32, 8).call(embedding.call(torch.zeros(7, 4, dtype: ScalarType.Int64)));
                """));
            test.FixedState.Sources.Add(Snippet.Method("""
                var embedding = nn.Embedding(10, 4);
                nn.RNNCell(4, 2).forward(embedding.call(torch.zeros(5, dtype: ScalarType.Int64)), null);
                """, className: "D"));
            return test.RunAsync(CancellationToken.None);
        }
    }
}
