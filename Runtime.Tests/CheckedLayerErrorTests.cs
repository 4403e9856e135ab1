using System;
using RnnShapeAnalyzers.Runtime;
using RnnShapeAnalyzers.ShapeRules;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.Runtime.Tests
{
    /// <summary>
    /// Every condition the rules cover fails with an <see cref="RnnShapeException"/> naming the rule,
    /// the parameter and the fix, before libtorch sees the call; bad arguments fail clearly.
    /// </summary>
    public sealed class CheckedLayerErrorTests
    {
        [Fact]
        public void SeedExampleOneFailsWithRnn003AndSaysWhatToChange()
        {
            using var scope = torch.NewDisposeScope();
            using var rnn = CheckedNN.RNN(10, 20, batchFirst: true);
            var error = Assert.Throws<RnnShapeException>(() => rnn.call(torch.randn(10, 32, 10), torch.zeros(1, 32, 20)));
            Assert.Equal(RuleIds.BatchFirstMixUp, error.RuleId);
            Assert.Equal("h0", error.ParamName);
            Assert.Equal(Shape.Of(1, 32, 20), error.Actual);
            Assert.Equal(Shape.Of(1, 10, 20), error.Expected);
            Assert.StartsWith(
                "RNN003: h0 has batch 32 but the input's batch is 10: batchFirst: true puts the batch in dimension 0 of input [10, 32, 10], and a state always keeps it in dimension 1; expected h0 shape [1, 10, 20], or set batchFirst: false",
                error.Message,
                StringComparison.Ordinal);
        }

        [Fact]
        public void WrongInputFeatureSizeIsRnn001OnTheInput()
        {
            using var scope = torch.NewDisposeScope();
            using var gru = CheckedNN.GRU(10, 20);
            var error = Assert.Throws<RnnShapeException>(() => gru.call(torch.randn(10, 32, 5)));
            Assert.Equal(RuleIds.InputFeatureSize, error.RuleId);
            Assert.Equal("input", error.ParamName);
            Assert.Equal(Shape.Of(10, 32, 10), error.Expected);
        }

        [Fact]
        public void WrongCellStateOfAnLstmIsRnn002OnC0()
        {
            using var scope = torch.NewDisposeScope();
            using var lstm = CheckedNN.LSTM(10, 20, numLayers: 2, bidirectional: true);
            var error = Assert.Throws<RnnShapeException>(() => lstm.call(torch.randn(5, 3, 10), (torch.zeros(4, 3, 20), torch.zeros(2, 3, 20))));
            Assert.Equal(RuleIds.HiddenStateShape, error.RuleId);
            Assert.Equal("c0", error.ParamName);
            Assert.Contains("dimension 0 is 2 but must be numLayers * directions = 2 * 2 = 4", error.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(4)]
        public void InputOfTheWrongRankIsRnn004(int rank)
        {
            using var scope = torch.NewDisposeScope();
            using var lstm = CheckedNN.LSTM(10, 20);
            var input = rank switch
            {
                1 => torch.randn(10),
                2 => torch.randn(5, 10),
                _ => torch.randn(5, 3, 2, 10),
            };
            var error = Assert.Throws<RnnShapeException>(() => lstm.call(input));
            Assert.Equal(RuleIds.InputRank, error.RuleId);
        }

        [Fact]
        public void ThreeDimensionalInputToACellIsRnn004()
        {
            using var scope = torch.NewDisposeScope();
            using var cell = CheckedNN.GRUCell(4, 6);
            Assert.Equal(RuleIds.InputRank, Assert.Throws<RnnShapeException>(() => cell.call(torch.randn(2, 3, 4))).RuleId);
        }

        [Theory]
        [InlineData(ScalarType.Float64)]
        [InlineData(ScalarType.Int64)]
        public void InputOfAnotherDtypeIsRnn005(ScalarType dtype)
        {
            using var scope = torch.NewDisposeScope();
            using var rnn = CheckedNN.RNN(4, 6);
            var input = torch.ones(5, 3, 4, dtype: dtype);
            var error = Assert.Throws<RnnShapeException>(() => rnn.call(input));
            Assert.Equal(RuleIds.ElementType, error.RuleId);
            Assert.Contains($"input has dtype {dtype} but the RNN's parameters are Float32, the dtype it expects; convert it with .to(ScalarType.Float32)", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void StateOfAnotherDtypeIsRnn005OnTheState()
        {
            using var scope = torch.NewDisposeScope();
            using var lstm = CheckedNN.LSTM(4, 6);
            var error = Assert.Throws<RnnShapeException>(() => lstm.call(torch.randn(5, 3, 4), (torch.zeros(1, 3, 6, dtype: ScalarType.Float64), torch.zeros(1, 3, 6))));
            Assert.Equal(RuleIds.ElementType, error.RuleId);
            Assert.Equal("h0", error.ParamName);
        }

        [Fact]
        public void ZeroLengthSequenceIsRnn007()
        {
            using var scope = torch.NewDisposeScope();
            using var gru = CheckedNN.GRU(4, 6, batchFirst: true);
            var error = Assert.Throws<RnnShapeException>(() => gru.call(torch.randn(3, 0, 4)));
            Assert.Equal(RuleIds.EmptySequence, error.RuleId);
            Assert.Contains("sequence length 0 (dimension 1, since batchFirst is true)", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void NullInputIsArgumentNullException()
        {
            using var lstm = CheckedNN.LSTM(4, 6);
            Assert.Equal("input", Assert.Throws<ArgumentNullException>(() => lstm.call((Tensor)null!)).ParamName);
        }

        [Fact]
        public void OnlyHalfAnLstmStateIsArgumentNullExceptionNotANullReference()
        {
            using var scope = torch.NewDisposeScope();
            using var lstm = CheckedNN.LSTM(4, 6);
            Assert.Equal("c0", Assert.Throws<ArgumentNullException>(() => lstm.call(torch.randn(5, 3, 4), (torch.zeros(1, 3, 6), null!))).ParamName);
        }

        [Fact]
        public void DisposedInputIsObjectDisposedException()
        {
            using var lstm = CheckedNN.LSTM(4, 6);
            var input = torch.randn(5, 3, 4);
            input.Dispose();
            Assert.Equal("input", Assert.Throws<ObjectDisposedException>(() => lstm.call(input)).ObjectName);
        }

        [Fact]
        public void DisposedStateIsObjectDisposedException()
        {
            using var scope = torch.NewDisposeScope();
            using var gru = CheckedNN.GRU(4, 6);
            var h0 = torch.zeros(1, 3, 6);
            h0.Dispose();
            Assert.Equal("h0", Assert.Throws<ObjectDisposedException>(() => gru.call(torch.randn(5, 3, 4), h0)).ObjectName);
        }

        [Fact]
        public void DisposedLayerIsObjectDisposedException()
        {
            using var scope = torch.NewDisposeScope();
            var gru = CheckedNN.GRU(4, 6);
            gru.Dispose();
            Assert.Throws<ObjectDisposedException>(() => gru.call(torch.randn(5, 3, 4)));
        }

        [Fact]
        public void PackedSequenceWithAStateOfTheWrongBatchIsRnn002()
        {
            using var scope = torch.NewDisposeScope();
            using var lstm = CheckedNN.LSTM(4, 8);
            var padded = torch.randn(5, 3, 4);
            var packed = nn.utils.rnn.pack_padded_sequence(padded, torch.tensor(new long[] { 5, 4, 2 }));
            var error = Assert.Throws<RnnShapeException>(() => lstm.call(packed, (torch.zeros(1, 2, 8), torch.zeros(1, 2, 8))));
            Assert.Equal(RuleIds.HiddenStateShape, error.RuleId);
            Assert.Equal(Shape.Of(1, 3, 8), error.Expected);

            var (output, h, c) = lstm.call(packed, (torch.zeros(1, 3, 8), torch.zeros(1, 3, 8)));
            Assert.Equal(new long[] { 1, 3, 8 }, h.shape);
        }

        [Fact]
        public void PackedSequenceWithTheWrongFeatureSizeIsRnn001()
        {
            using var scope = torch.NewDisposeScope();
            using var gru = CheckedNN.GRU(6, 8);
            var packed = nn.utils.rnn.pack_padded_sequence(torch.randn(5, 3, 4), torch.tensor(new long[] { 5, 4, 2 }));
            Assert.Equal(RuleIds.InputFeatureSize, Assert.Throws<RnnShapeException>(() => gru.call(packed)).RuleId);
        }

        [Fact]
        public void DeviceMismatchIsRnn006()
        {
            // Only a CPU is available here, so the rule is exercised on the device names it compares.
            var violation = Assert.Single(ElementTypeRules.CheckDevices(RecurrentKind.Lstm, "cuda:0", "cpu"));
            Assert.Equal(RuleIds.Device, violation.RuleId);
            Assert.Equal("input is on cpu but the LSTM's parameters are on cuda:0; move it with .to(\"cuda:0\")", violation.Message);
        }
    }
}
