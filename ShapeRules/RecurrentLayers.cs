namespace RnnShapeAnalyzers.ShapeRules
{
    /// <summary>
    /// Specs written like the TorchSharp factories they describe, for checking a configuration up front
    /// (<see cref="RecurrentShapeRules.CheckCall"/>) without building any tensor.
    /// </summary>
    public static class RecurrentLayers
    {
        /// <summary>Like <c>torch.nn.RNN</c>.</summary>
        public static RecurrentLayerSpec RNN(long inputSize, long hiddenSize, long numLayers = 1, bool batchFirst = false, bool bidirectional = false)
            => new RecurrentLayerSpec(RecurrentKind.Rnn, Dim.Of(inputSize), Dim.Of(hiddenSize), Dim.Of(numLayers), bidirectional, batchFirst);

        /// <summary>Like <c>torch.nn.LSTM</c>.</summary>
        public static RecurrentLayerSpec LSTM(long inputSize, long hiddenSize, long numLayers = 1, bool batchFirst = false, bool bidirectional = false)
            => new RecurrentLayerSpec(RecurrentKind.Lstm, Dim.Of(inputSize), Dim.Of(hiddenSize), Dim.Of(numLayers), bidirectional, batchFirst);

        /// <summary>Like <c>torch.nn.GRU</c>.</summary>
        public static RecurrentLayerSpec GRU(long inputSize, long hiddenSize, long numLayers = 1, bool batchFirst = false, bool bidirectional = false)
            => new RecurrentLayerSpec(RecurrentKind.Gru, Dim.Of(inputSize), Dim.Of(hiddenSize), Dim.Of(numLayers), bidirectional, batchFirst);

        /// <summary>Like <c>torch.nn.RNNCell</c>.</summary>
        public static RecurrentLayerSpec RNNCell(long inputSize, long hiddenSize)
            => new RecurrentLayerSpec(RecurrentKind.RnnCell, Dim.Of(inputSize), Dim.Of(hiddenSize), Dim.Of(1), false, false);

        /// <summary>Like <c>torch.nn.LSTMCell</c>.</summary>
        public static RecurrentLayerSpec LSTMCell(long inputSize, long hiddenSize)
            => new RecurrentLayerSpec(RecurrentKind.LstmCell, Dim.Of(inputSize), Dim.Of(hiddenSize), Dim.Of(1), false, false);

        /// <summary>Like <c>torch.nn.GRUCell</c>.</summary>
        public static RecurrentLayerSpec GRUCell(long inputSize, long hiddenSize)
            => new RecurrentLayerSpec(RecurrentKind.GruCell, Dim.Of(inputSize), Dim.Of(hiddenSize), Dim.Of(1), false, false);
    }
}
