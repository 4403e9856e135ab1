using RnnShapeAnalyzers.Runtime;
using RnnShapeAnalyzers.ShapeRules;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.Runtime.Tests
{
    /// <summary>A plain module's configuration is read back from its weights.</summary>
    public sealed class RecurrentLayerInspectorTests
    {
        [Theory]
        [InlineData(3, 5, 1, false, true)]
        [InlineData(7, 2, 3, true, true)]
        [InlineData(4, 9, 2, true, false)]
        public void SequenceLayersAreReadFromTheirWeights(long inputSize, long hiddenSize, long numLayers, bool bidirectional, bool bias)
        {
            using var lstm = nn.LSTM(inputSize, hiddenSize, numLayers, bias: bias, bidirectional: bidirectional);
            using var gru = nn.GRU(inputSize, hiddenSize, numLayers, bias: bias, bidirectional: bidirectional);
            using var rnn = nn.RNN(inputSize, hiddenSize, numLayers, bias: bias, bidirectional: bidirectional);
            var expected = $"(inputSize: {inputSize}, hiddenSize: {hiddenSize}, numLayers: {numLayers}, bidirectional: {(bidirectional ? "true" : "false")}, batchFirst: true)";
            Assert.Equal("LSTM" + expected, RecurrentLayerInspector.Inspect(lstm, batchFirst: true).ToString());
            Assert.Equal("GRU" + expected, RecurrentLayerInspector.Inspect(gru, batchFirst: true).ToString());
            Assert.Equal("RNN" + expected, RecurrentLayerInspector.Inspect(rnn, batchFirst: true).ToString());
        }

        [Fact]
        public void CellsAreReadFromTheirWeights()
        {
            using var lstmCell = nn.LSTMCell(3, 5);
            using var gruCell = nn.GRUCell(3, 5, bias: false);
            using var rnnCell = nn.RNNCell(3, 5);
            Assert.Equal("LSTMCell(inputSize: 3, hiddenSize: 5)", RecurrentLayerInspector.Inspect(lstmCell).ToString());
            Assert.Equal("GRUCell(inputSize: 3, hiddenSize: 5)", RecurrentLayerInspector.Inspect(gruCell).ToString());
            Assert.Equal(RecurrentKind.RnnCell, RecurrentLayerInspector.Inspect(rnnCell).Kind);
        }

        [Fact]
        public void AModuleThatIsNotRecurrentIsRejected()
        {
            using var linear = nn.Linear(3, 4);
            Assert.Throws<System.ArgumentException>(() => RecurrentLayerInspector.Inspect(linear));
        }

        [Fact]
        public void UpFrontCheckOfAConfigurationNeedsNoTensor()
        {
            var check = RecurrentShapeRules.CheckCall(RecurrentLayers.LSTM(10, 20, numLayers: 2, batchFirst: true, bidirectional: true), Shape.Of(32, 7, 10), Shape.Of(4, 32, 20), Shape.Of(4, 32, 20));
            Assert.True(check.IsValid);
            Assert.Equal(Shape.Of(32, 7, 40), check.Output);
            Assert.Equal(Shape.Of(4, 32, 20), check.HiddenOut);
        }
    }
}
