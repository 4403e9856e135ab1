using System.Threading.Tasks;
using RnnShapeAnalyzers.Tests.Verifiers;
using Xunit;

namespace RnnShapeAnalyzers.Tests
{
    /// <summary>RNN011: nn.Embedding appends embedding_dims features; a recurrent layer or cell that reads them needs that inputSize.</summary>
    public class EmbeddingDimensionTests
    {
        [Fact]
        public Task EmbeddingsIntoALayerBuiltWithAnotherInputSize() => Verify.AnalyzerAsync(
            Snippet.Method(
                """
                var embedding = nn.Embedding(100, 32);
                var gru = nn.GRU(16, 8, batchFirst: true);
                gru.call({|#0:embedding.call(tokens)|});
                """,
                parameters: "Tensor tokens"),
            Verify.Diagnostic("RNN011").WithLocation(0).WithMessage(
                "The output of Embedding has 32 features (its embedding_dims) but GRU reads it with inputSize 16; expected inputSize 32"));

        [Fact]
        public Task EmbeddingsOfKnownTokensThroughALocalAndDropout() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var embedding = nn.Embedding(num_embeddings: 1000, embedding_dims: 100);
                var lstm = nn.LSTM(128, 64);
                var embedded = embedding.call(torch.zeros(12, 4, dtype: ScalarType.Int64));
                lstm.call({|#0:nn.functional.dropout(embedded, 0.1)|});
                """),
            Verify.Diagnostic("RNN011").WithLocation(0).WithArguments("Embedding", "100", "LSTM", "128"));

        [Fact]
        public Task EmbeddingOfOneTokenPerSequenceIntoACell() => Verify.AnalyzerAsync(
            Snippet.Method(
                """
                var embedding = nn.Embedding(100, 32);
                var cell = nn.RNNCell(16, 8);
                cell.forward({|#0:embedding.call(token)|}, null);
                """,
                parameters: "Tensor token"),
            Verify.Diagnostic("RNN011").WithLocation(0).WithArguments("Embedding", "32", "RNNCell", "16"));

        [Fact]
        public Task LayersInFieldsAreNamedWithTheirOrigins() => Verify.AnalyzerAsync(
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
                    var (output, _) = rnn.call({|#0:embedding.call(tokens)|});
                    return output;
                }
            }
            """,
            Verify.Diagnostic("RNN011").WithLocation(0).WithMessage(
                "The output of Embedding in field `embedding` set in the constructor at line 11 has 32 features (its embedding_dims) but GRU in field `rnn` set in the constructor at line 12 reads it with inputSize 16; expected inputSize 32"));

        [Fact]
        public Task MatchingSizesAreSilent() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var embedding = nn.Embedding(100, 32);
                var gru = nn.GRU(32, 8, batchFirst: true);
                gru.call(embedding.call(tokens));
                var cell = nn.LSTMCell(32, 8);
                cell.call(embedding.call(tokens[TensorIndex.Colon, 0]), (torch.zeros(4, 8), torch.zeros(4, 8)));
                """,
                parameters: "Tensor tokens"));

        [Fact]
        public Task UnknownSizesAreSilent() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var byDimension = nn.Embedding(100, dimension);
                nn.GRU(16, 8).call(byDimension.call(tokens));
                var known = nn.Embedding(100, 32);
                nn.GRU(inputSize, 8).call(known.call(tokens));
                """,
                parameters: "long dimension, long inputSize, Tensor tokens"));

        /// <summary>A Linear in between changes the features: a mismatch after it is the plain RNN001.</summary>
        [Fact]
        public Task EmbeddingsThroughALinearAreNotAChain() => Verify.AnalyzerAsync(
            Snippet.Method("""
                var embedding = nn.Embedding(100, 32);
                var projection = nn.Linear(32, 24);
                var gru = nn.GRU(16, 8);
                gru.call({|#0:projection.call(embedding.call(torch.zeros(7, 4, dtype: ScalarType.Int64)))|});
                """),
            Verify.Diagnostic("RNN001").WithLocation(0).WithArguments("[7, 4, 24]", "24", "GRU", "16", "[7, 4, 16]"));
    }
}
