using System.Threading.Tasks;
using RnnShapeAnalyzers.CodeFixes;
using RnnShapeAnalyzers.Tests.Verifiers;
using Xunit;
using VerifyFix = RnnShapeAnalyzers.Tests.Verifiers.Verify<RnnShapeAnalyzers.CodeFixes.BatchFirstMixUpCodeFixProvider>;

namespace RnnShapeAnalyzers.Tests.Tracking
{
    /// <summary>
    /// <c>call</c> on <c>pack_padded_sequence(x, lengths, batch_first: b)</c>: the layer runs on x's
    /// sequences in the pack's layout whatever its own batchFirst (measured: a batch-first pack into a
    /// time-major LSTM runs with a state of the pack's batch). The input size is checked, and the state's
    /// batch is the pack's; the padded tensor's sequence length is not the call's (the lengths are).
    /// </summary>
    public class PackedSequenceTests
    {
        [Fact]
        public Task BatchFirstPackIntoTimeMajorLayer() => Verify.AnalyzerAsync(Snippet.Method(
            """
            var lstm = nn.LSTM(10, 8);
            var padded = torch.randn(3, 5, 10);
            var packed = nn.utils.rnn.pack_padded_sequence(padded, lengths, batch_first: true);
            var right = torch.zeros(1, 3, 8);
            lstm.call(packed, (right, right));
            var wrong = torch.zeros(1, 5, 8);
            lstm.call(packed, ({|RNN003:wrong|}, {|RNN003:wrong|}));
            """,
            parameters: "Tensor lengths"));

        [Fact]
        public Task TimeMajorPackIntoBatchFirstLayer() => Verify.AnalyzerAsync(Snippet.Method(
            """
            var gru = nn.GRU(10, 8, batchFirst: true);
            var padded = torch.randn(5, 3, 10);
            gru.call(nn.utils.rnn.pack_padded_sequence(padded, lengths), torch.zeros(1, 3, 8));
            gru.call(nn.utils.rnn.pack_padded_sequence(padded, lengths, batch_first: false), {|RNN003:torch.zeros(1, 5, 8)|});
            """,
            parameters: "Tensor lengths"));

        [Fact]
        public Task PackMatchingTheLayer() => Verify.AnalyzerAsync(Snippet.Method(
            """
            var lstm = nn.LSTM(10, 8, batchFirst: true);
            var packed = nn.utils.rnn.pack_padded_sequence(torch.randn(3, 5, 10), lengths, batch_first: true);
            lstm.call(packed, (torch.zeros(1, 3, 8), torch.zeros(1, 3, 8)));
            lstm.call(packed, ({|RNN003:torch.zeros(1, 5, 8)|}, torch.zeros(1, 3, 8)));
            lstm.call(packed, (torch.zeros(1, 3, 8), {|RNN002:torch.zeros(1, 3, 16)|}));
            """,
            parameters: "Tensor lengths"));

        /// <summary>
        /// Flipping the layer's batchFirst changes nothing for a packed input (the pack's batch_first
        /// decides), so RNN003 on a packed call does not suggest it and the flip is not offered.
        /// </summary>
        [Fact]
        public Task FlipIsNotOfferedForAPackedCall() => VerifyFix.NoCodeFixAsync(
            Snippet.Method(
                """
                var lstm = nn.LSTM(10, 8);
                var packed = nn.utils.rnn.pack_padded_sequence(torch.randn(3, 5, 10), lengths, batch_first: true);
                var wrong = torch.zeros(1, 5, 8);
                lstm.call(packed, ({|RNN003:wrong|}, {|RNN003:wrong|}));
                """,
                parameters: "Tensor lengths"),
            BatchFirstMixUpCodeFixProvider.FlipBatchFirst);

        [Fact]
        public Task RnnThreeOnAPackedCallHasNoFlipSuggestion() => Verify.AnalyzerAsync(
            Snippet.Method(
                """
                var gru = nn.GRU(10, 8);
                var packed = nn.utils.rnn.pack_padded_sequence(torch.randn(3, 5, 10), lengths, batch_first: true);
                gru.call(packed, {|#0:torch.zeros(1, 5, 8)|});
                """,
                parameters: "Tensor lengths"),
            Verify.Diagnostic("RNN003").WithLocation(0).WithArguments("h0", "5", "3", "false", "1", "[5, 3, 10]", "[1, 3, 8]", string.Empty));

        /// <summary>The rewrite gives the state the pack's batch, which is what libtorch expects.</summary>
        [Fact]
        public Task RewriteGivesTheStateThePacksBatch() => VerifyFix.CodeFixAsync(
            Snippet.Method(
                """
                var gru = nn.GRU(10, 8);
                var packed = nn.utils.rnn.pack_padded_sequence(torch.randn(3, 5, 10), lengths, batch_first: true);
                gru.call(packed, {|RNN003:torch.zeros(1, 5, 8)|});
                """,
                parameters: "Tensor lengths"),
            Snippet.Method(
                """
                var gru = nn.GRU(10, 8);
                var packed = nn.utils.rnn.pack_padded_sequence(torch.randn(3, 5, 10), lengths, batch_first: true);
                gru.call(packed, torch.zeros(1, 3, 8));
                """,
                parameters: "Tensor lengths"),
            BatchFirstMixUpCodeFixProvider.RewriteStateBatch,
            codeActionIndex: 0);

        [Fact]
        public Task InputSizeIsChecked() => Verify.AnalyzerAsync(
            Snippet.Method(
                """
                var lstm = nn.LSTM(10, 8);
                lstm.call(nn.utils.rnn.pack_padded_sequence(torch.randn(3, 5, 10), lengths, batch_first: true));
                lstm.call({|#0:nn.utils.rnn.pack_padded_sequence(torch.randn(3, 5, 7), lengths, batch_first: true)|});
                """,
                parameters: "Tensor lengths"),
            Verify.Diagnostic("RNN001").WithLocation(0).WithArguments("[5, 3, 7]", "7", "LSTM", "10", "[5, 3, 10]"));

        /// <summary>
        /// A padded tensor with no time steps cannot be packed ("Cannot pack empty tensors", thrown by
        /// pack_padded_sequence): the layer never sees it, so it is no RNN007 of the call.
        /// </summary>
        [Fact]
        public Task NoEmptySequenceRuleOnAPackedInput() => Verify.AnalyzerAsync(Snippet.Method(
            """
            var lstm = nn.LSTM(10, 8);
            lstm.call(nn.utils.rnn.pack_padded_sequence(torch.randn(0, 3, 10), lengths));
            lstm.call(nn.utils.rnn.pack_padded_sequence(torch.randn(3, 0, 10), lengths, batch_first: true), (torch.zeros(1, 3, 8), torch.zeros(1, 3, 8)));
            lstm.call({|RNN007:torch.randn(0, 3, 10)|});
            """,
            parameters: "Tensor lengths"));

        [Fact]
        public Task UnknownPackLayoutIsSilent() => Verify.AnalyzerAsync(Snippet.Method(
            """
            var lstm = nn.LSTM(10, 8);
            var packed = nn.utils.rnn.pack_padded_sequence(torch.randn(3, 5, 7), lengths, batch_first: batchFirst);
            lstm.call(packed, (torch.zeros(1, 5, 8), torch.zeros(1, 5, 8)));
            """,
            parameters: "Tensor lengths, bool batchFirst"));

        /// <summary>The final state of a packed call has the pack's batch: (numLayers * D, batch, hiddenSize).</summary>
        [Fact]
        public Task FinalStateOfAPackedCall() => Verify.AnalyzerAsync(Snippet.Method(
            """
            var gru = nn.GRU(10, 8, batchFirst: true);
            var (_, hn) = gru.call(nn.utils.rnn.pack_padded_sequence(torch.randn(5, 3, 10), lengths));
            var cell = nn.GRUCell(10, 8);
            cell.call(torch.randn(3, 10), hn[0]);
            cell.call(torch.randn(5, 10), {|RNN002:hn[0]|});
            """,
            parameters: "Tensor lengths"));
    }
}
