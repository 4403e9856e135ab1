using RnnShapeAnalyzers.Runtime;
using RnnShapeAnalyzers.ShapeRules;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.Runtime.Tests
{
    /// <summary>
    /// A checked layer remembers its last accepted call to skip the rules when a call repeats it; any
    /// difference in size, dtype, device or state must still be checked in full.
    /// </summary>
    public sealed class AcceptedCallTests
    {
        [Fact]
        public void ARepeatedCallIsAcceptedAndADifferentOneIsStillChecked()
        {
            using var scope = torch.NewDisposeScope();
            using var gru = CheckedNN.GRU(4, 6);
            var h0 = torch.zeros(1, 3, 6);
            gru.call(torch.randn(5, 3, 4), h0);
            gru.call(torch.randn(5, 3, 4), h0);

            Assert.Equal(RuleIds.HiddenStateShape, Assert.Throws<RnnShapeException>(() => gru.call(torch.randn(5, 2, 4), h0)).RuleId);
            Assert.Equal(RuleIds.InputFeatureSize, Assert.Throws<RnnShapeException>(() => gru.call(torch.randn(5, 3, 5), h0)).RuleId);
            Assert.Equal(RuleIds.ElementType, Assert.Throws<RnnShapeException>(() => gru.call(torch.randn(5, 3, 4, dtype: ScalarType.Float64), h0)).RuleId);
            gru.call(torch.randn(5, 3, 4), h0);
        }

        [Fact]
        public void AStateAddedOrDroppedIsNotTheSameCall()
        {
            using var scope = torch.NewDisposeScope();
            using var lstm = CheckedNN.LSTM(4, 6);
            var x = torch.randn(5, 3, 4);
            lstm.call(x);
            Assert.Equal(RuleIds.BatchFirstMixUp, Assert.Throws<RnnShapeException>(() => lstm.call(x, (torch.zeros(1, 5, 6), torch.zeros(1, 5, 6)))).RuleId);
            lstm.call(x, (torch.zeros(1, 3, 6), torch.zeros(1, 3, 6)));
            Assert.Equal(RuleIds.HiddenStateShape, Assert.Throws<RnnShapeException>(() => lstm.call(x, (torch.zeros(1, 3, 6), torch.zeros(2, 3, 6)))).RuleId);
        }

        [Fact]
        public void MovingTheLayerToAnotherDtypeForgetsTheAcceptedCall()
        {
            using var scope = torch.NewDisposeScope();
            using var rnn = CheckedNN.RNN(4, 6);
            var x = torch.randn(5, 3, 4);
            rnn.call(x);
            rnn.to(ScalarType.Float64);
            var error = Assert.Throws<RnnShapeException>(() => rnn.call(x));
            Assert.Equal(RuleIds.ElementType, error.RuleId);
            Assert.Contains("input has dtype Float32 but the parameters of the RNN are Float64", error.Message, System.StringComparison.Ordinal);
            rnn.call(x.to(ScalarType.Float64));
        }

        [Fact]
        public void ADisposedTensorWithTheAcceptedShapeIsStillRejected()
        {
            using var cell = CheckedNN.GRUCell(4, 6);
            var x = torch.randn(2, 4);
            cell.call(x);
            x.Dispose();
            Assert.Throws<System.ObjectDisposedException>(() => cell.call(x));
        }
    }
}
