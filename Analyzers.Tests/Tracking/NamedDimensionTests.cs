using System.Threading;
using System.Threading.Tasks;
using RnnShapeAnalyzers.CodeFixes;
using RnnShapeAnalyzers.Tests.Verifiers;
using Xunit;
using VerifyFix = RnnShapeAnalyzers.Tests.Verifiers.Verify<RnnShapeAnalyzers.CodeFixes.BatchFirstMixUpCodeFixProvider>;

namespace RnnShapeAnalyzers.Tests.Tracking
{
    /// <summary>
    /// Sizes of a tensor of unknown shape are unknown but named (<c>x.shape[0]</c>): a state built from the
    /// input's sequence dimension is proven to be built for the opposite batchFirst (RNN003). It runs only
    /// when the sequence length happens to equal the batch, and the fixes write the batch's name.
    /// </summary>
    public class NamedDimensionTests
    {
        [Fact]
        public Task StateBatchFromTheSequenceDimension() => Verify.AnalyzerAsync(
            Snippet.Method(
                """
                var gru = nn.GRU(10, 20);
                var h0 = torch.zeros(1, x.shape[0], 20);
                gru.call(x, {|#0:h0|});
                """,
                parameters: "Tensor x"),
            Verify.Diagnostic("RNN003").WithLocation(0).WithMessage(
                "h0 has batch x.shape[0] but the input's batch is x.shape[1]: batchFirst: false puts the batch in dimension 1 of input [x.shape[0], x.shape[1], x.shape[2]], and a state always keeps it in dimension 1; expected h0 shape [1, x.shape[1], 20], or set batchFirst: true"));

        [Fact]
        public Task RewriteStateBatchWritesTheBatchDimension() => VerifyFix.CodeFixAsync(
            Snippet.Method(
                """
                var gru = nn.GRU(10, 20);
                var h0 = torch.zeros(1, x.shape[0], 20);
                gru.call(x, {|RNN003:h0|});
                """,
                parameters: "Tensor x"),
            Snippet.Method(
                """
                var gru = nn.GRU(10, 20);
                var h0 = torch.zeros(1, x.shape[1], 20);
                gru.call(x, h0);
                """,
                parameters: "Tensor x"),
            BatchFirstMixUpCodeFixProvider.RewriteStateBatch,
            codeActionIndex: 1);

        [Fact]
        public Task FlipBatchFirstKeepsTheState() => VerifyFix.CodeFixAsync(
            Snippet.Method(
                """
                var gru = nn.GRU(10, 20);
                var h0 = torch.zeros(1, x.shape[0], 20);
                gru.call(x, {|RNN003:h0|});
                """,
                parameters: "Tensor x"),
            Snippet.Method(
                """
                var gru = nn.GRU(10, 20, batchFirst: true);
                var h0 = torch.zeros(1, x.shape[0], 20);
                gru.call(x, h0);
                """,
                parameters: "Tensor x"),
            BatchFirstMixUpCodeFixProvider.FlipBatchFirst);

        [Fact]
        public Task BatchFirstLayerWithTheStateFromTheSequenceDimension() => Verify.AnalyzerAsync(
            Snippet.Method(
                """
                var lstm = nn.LSTM(10, 20, batchFirst: true);
                var h0 = torch.zeros(1, x.shape[1], 20);
                lstm.call(x, ({|#0:h0|}, {|#1:h0|}));
                """,
                parameters: "Tensor x"),
            Verify.Diagnostic("RNN003").WithLocation(0).WithArguments(
                "h0", "x.shape[1]", "x.shape[0]", "true", "0", "[x.shape[0], x.shape[1], x.shape[2]]", "[1, x.shape[0], 20]", ", or set batchFirst: false"),
            Verify.Diagnostic("RNN003").WithLocation(1).WithArguments(
                "c0", "x.shape[1]", "x.shape[0]", "true", "0", "[x.shape[0], x.shape[1], x.shape[2]]", "[1, x.shape[0], 20]", ", or set batchFirst: false"));

        [Fact]
        public Task BatchFirstLayerRewriteWritesDimensionZero() => VerifyFix.CodeFixAsync(
            Snippet.Method(
                """
                var gru = nn.GRU(10, 20, batchFirst: true);
                gru.call(x, {|RNN003:torch.zeros(1, x.shape[1], 20)|});
                """,
                parameters: "Tensor x"),
            Snippet.Method(
                """
                var gru = nn.GRU(10, 20, batchFirst: true);
                gru.call(x, torch.zeros(1, x.shape[0], 20));
                """,
                parameters: "Tensor x"),
            BatchFirstMixUpCodeFixProvider.RewriteStateBatch,
            codeActionIndex: 1);

        [Fact]
        public Task BatchFirstLayerFlipsToFalse() => VerifyFix.CodeFixAsync(
            Snippet.Method(
                """
                var gru = nn.GRU(10, 20, batchFirst: true);
                gru.call(x, {|RNN003:torch.zeros(1, x.shape[1], 20)|});
                """,
                parameters: "Tensor x"),
            Snippet.Method(
                """
                var gru = nn.GRU(10, 20, batchFirst: false);
                gru.call(x, torch.zeros(1, x.shape[1], 20));
                """,
                parameters: "Tensor x"),
            BatchFirstMixUpCodeFixProvider.FlipBatchFirst);

        /// <summary><c>x.size(0)</c> and <c>x.shape[^3]</c> name the same dimension as <c>x.shape[0]</c> once the layer makes x 3-D.</summary>
        [Fact]
        public Task SizeAndIndexFromTheEndNameTheSameDimension() => Verify.AnalyzerAsync(
            Snippet.Method(
                """
                var gru = nn.GRU(10, 20);
                gru.call(x, {|#0:torch.zeros(1, x.size(0), 20)|});
                gru.call(x, {|#1:torch.zeros(1, x.shape[^3], 20)|});
                gru.call(x, {|#2:torch.zeros(1, x.size(-3), 20)|});
                """,
                parameters: "Tensor x"),
            Verify.Diagnostic("RNN003").WithLocation(0).WithArguments(
                "h0", "x.shape[0]", "x.shape[1]", "false", "1", "[x.shape[0], x.shape[1], x.shape[2]]", "[1, x.shape[1], 20]", ", or set batchFirst: true"),
            Verify.Diagnostic("RNN003").WithLocation(1).WithArguments(
                "h0", "x.shape[0]", "x.shape[1]", "false", "1", "[x.shape[0], x.shape[1], x.shape[2]]", "[1, x.shape[1], 20]", ", or set batchFirst: true"),
            Verify.Diagnostic("RNN003").WithLocation(2).WithArguments(
                "h0", "x.shape[0]", "x.shape[1]", "false", "1", "[x.shape[0], x.shape[1], x.shape[2]]", "[1, x.shape[1], 20]", ", or set batchFirst: true"));

        /// <summary>
        /// No index: once one state is rewritten, flipping batchFirst would break it, so the flip is no
        /// longer offered for the other and the rewrite becomes the first fix.
        /// </summary>
        [Fact]
        public Task RewriteReplacesSizeAndIndexFromTheEnd()
        {
            var test = new VerifyFix.Test
            {
                TestCode = Snippet.Method(
                    """
                    var gru = nn.GRU(10, 20);
                    gru.call(x, {|RNN003:torch.zeros(1, x.size(0), 20)|});
                    gru.call(x, {|RNN003:torch.zeros(1, x.shape[^3], 20)|});
                    """,
                    parameters: "Tensor x"),
                FixedCode = Snippet.Method(
                    """
                    var gru = nn.GRU(10, 20);
                    gru.call(x, torch.zeros(1, x.shape[1], 20));
                    gru.call(x, torch.zeros(1, x.shape[1], 20));
                    """,
                    parameters: "Tensor x"),
                CodeActionEquivalenceKey = BatchFirstMixUpCodeFixProvider.RewriteStateBatch,
                NumberOfIncrementalIterations = 2,
                NumberOfFixAllIterations = 1,
            };
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>A time-major module whose zero state is sized from x.shape[0]: the flip edits the constructor.</summary>
        [Fact]
        public Task FlipEditsTheLayerInTheConstructor() => VerifyFix.CodeFixAsync(
            """
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            sealed class Forecaster : nn.Module<Tensor, Tensor>
            {
                private readonly GRU gru;

                public Forecaster() : base(nameof(Forecaster))
                {
                    gru = nn.GRU(10, 32);
                    RegisterComponents();
                }

                public override Tensor forward(Tensor x)
                {
                    var h0 = torch.zeros(1, x.shape[0], 32);
                    return gru.call(x, {|RNN003:h0|}).Item1;
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
                    gru = nn.GRU(10, 32, batchFirst: true);
                    RegisterComponents();
                }

                public override Tensor forward(Tensor x)
                {
                    var h0 = torch.zeros(1, x.shape[0], 32);
                    return gru.call(x, h0).Item1;
                }
            }
            """,
            BatchFirstMixUpCodeFixProvider.FlipBatchFirst);

        /// <summary>Token ids (sequence, batch) are embedded to (sequence, batch, features): the batch is tokens.shape[1].</summary>
        [Fact]
        public Task EmbeddedTokensTakeTheirBatchFromDimensionOne() => VerifyFix.CodeFixAsync(
            Snippet.Method(
                """
                var embedding = nn.Embedding(1000, 32);
                var gru = nn.GRU(32, 64);
                var h0 = torch.zeros(1, tokens.shape[0], 64);
                gru.call(embedding.call(tokens), {|RNN003:h0|});
                """,
                parameters: "Tensor tokens"),
            Snippet.Method(
                """
                var embedding = nn.Embedding(1000, 32);
                var gru = nn.GRU(32, 64);
                var h0 = torch.zeros(1, tokens.shape[1], 64);
                gru.call(embedding.call(tokens), h0);
                """,
                parameters: "Tensor tokens"),
            BatchFirstMixUpCodeFixProvider.RewriteStateBatch,
            codeActionIndex: 1);

        [Fact]
        public Task CorrectStatesFromNamedDimensionsAreSilent() => Verify.AnalyzerAsync(Snippet.Method(
            """
            var sequenceFirst = nn.GRU(10, 20);
            sequenceFirst.call(x, torch.zeros(1, x.shape[1], 20));
            sequenceFirst.call(x, torch.zeros(1, x.size(1), 20));
            sequenceFirst.call(x, torch.zeros(1, x.shape[^2], 20));
            var batchFirst = nn.LSTM(10, 20, batchFirst: true);
            var h0 = torch.zeros(1, x.shape[0], 20);
            batchFirst.call(x, (h0, h0));
            var embedding = nn.Embedding(1000, 10);
            sequenceFirst.call(embedding.call(tokens), torch.zeros(1, tokens.shape[1], 20));
            batchFirst.call(embedding.call(tokens), (torch.zeros(1, tokens.size(0), 20), torch.zeros(1, tokens.size(0), 20)));
            """,
            parameters: "Tensor x, Tensor tokens"));

        /// <summary>x.shape[0] and y.shape[1] may be equal or not: nothing is proven from two different tensors.</summary>
        [Fact]
        public Task DimensionsOfDifferentParametersAreNeverComparedAsDifferent() => Verify.AnalyzerAsync(Snippet.Method(
            """
            var gru = nn.GRU(10, 20);
            gru.call(x, torch.zeros(1, y.shape[0], 20));
            gru.call(x, torch.zeros(1, y.shape[1], 20));
            gru.call(y, torch.zeros(1, x.shape[0], 20));
            gru.call(x, {|RNN003:torch.zeros(1, x.shape[0], 20)|});
            """,
            parameters: "Tensor x, Tensor y"));

        /// <summary>
        /// The constructor's x is not forward's x: a state field built from the constructor's parameter says
        /// nothing about forward's input, however the parameters are named.
        /// </summary>
        [Fact]
        public Task SameNamedParameterOfAnotherMethodIsNotTheSameTensor() => Verify.AnalyzerAsync("""
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            sealed class Tagger : nn.Module<Tensor, Tensor>
            {
                private readonly GRU gru = nn.GRU(10, 20);
                private readonly Tensor h0;

                public Tagger(Tensor x) : base(nameof(Tagger))
                {
                    h0 = torch.zeros(1, x.shape[0], 20);
                    RegisterComponents();
                }

                public override Tensor forward(Tensor x)
                {
                    gru.call(x, h0);
                    return gru.call(x, {|RNN003:torch.zeros(1, x.shape[0], 20)|}).Item1;
                }
            }
            """);

        [Fact]
        public Task IntegerParameterUsedTwiceIsTheSameSize() => Verify.AnalyzerAsync(
            Snippet.Method(
                """
                var rnn = nn.RNN(10, 20);
                var x = torch.randn(steps, batch, 10);
                rnn.call(x, torch.zeros(1, batch, 20));
                rnn.call(x, {|#0:torch.zeros(1, steps, 20)|});
                """,
                parameters: "long steps, long batch"),
            Verify.Diagnostic("RNN003").WithLocation(0).WithArguments(
                "h0", "steps", "batch", "false", "1", "[steps, batch, 10]", "[1, batch, 20]", string.Empty));

        /// <summary>A local the analyzer cannot follow, written once, names its dimensions as a parameter does.</summary>
        [Fact]
        public Task LocalOfUnknownValueNamesItsDimensions() => Verify.AnalyzerAsync(
            Snippet.Method(
                """
                var gru = nn.GRU(10, 20);
                var batch = Load();
                gru.call(batch, {|#0:torch.zeros(1, batch.shape[0], 20)|});
                gru.call(batch, torch.zeros(1, batch.shape[1], 20));
                """,
                members: "    static Tensor Load() => torch.randn(5, 3, 10);\n"),
            Verify.Diagnostic("RNN003").WithLocation(0).WithArguments(
                "h0", "batch.shape[0]", "batch.shape[1]", "false", "1", "[batch.shape[0], batch.shape[1], batch.shape[2]]", "[1, batch.shape[1], 20]", string.Empty));

        /// <summary>After <c>x = x.transpose(0, 1)</c> the name x stands for two tensors: nothing is named after it.</summary>
        [Fact]
        public Task ReassignedParameterIsNotNamed() => Verify.AnalyzerAsync(Snippet.Method(
            """
            var gru = nn.GRU(10, 20);
            x = x.transpose(0, 1);
            gru.call(x, torch.zeros(1, x.shape[0], 20));
            gru.call(y, {|RNN003:torch.zeros(1, y.shape[0], 20)|});
            """,
            parameters: "Tensor x, Tensor y"));
    }
}
