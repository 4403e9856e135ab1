using RnnShapeAnalyzers.ShapeRules;

namespace RnnShapeAnalyzers.Runtime
{
    /// <summary>One checked recurrent call, as the shape trace records it.</summary>
    public sealed class RecurrentCallTrace
    {
        internal RecurrentCallTrace(RecurrentLayerSpec layer, Shape input, Shape? hiddenState, Shape? cellState, Shape output, Shape hiddenOut, Shape? cellOut)
        {
            Layer = layer;
            Input = input;
            HiddenState = hiddenState;
            CellState = cellState;
            Output = output;
            HiddenOut = hiddenOut;
            CellOut = cellOut;
        }

        /// <summary>The layer's configuration.</summary>
        public RecurrentLayerSpec Layer { get; }

        /// <summary>The input's shape.</summary>
        public Shape Input { get; }

        /// <summary>
        /// h0 (hx for cells), or null when the caller passed none to RNN, LSTM or GRU. A checked cell
        /// called without a state fills in zeros, and this is their shape.
        /// </summary>
        public Shape? HiddenState { get; }

        /// <summary>c0 for LSTM and LSTMCell (the zeros filled in when a checked LSTMCell was given no state), or null.</summary>
        public Shape? CellState { get; }

        /// <summary>The output sequence (for cells, the new hidden state).</summary>
        public Shape Output { get; }

        /// <summary>h_n (for cells, the new hidden state).</summary>
        public Shape HiddenOut { get; }

        /// <summary>c_n for LSTM and LSTMCell, or null.</summary>
        public Shape? CellOut { get; }

        /// <summary><c>LSTM(...): input [..] h0 [..] c0 [..] -> output [..] h_n [..] c_n [..]</c></summary>
        public override string ToString()
            => $"{Layer}: input {Input}" + (HiddenState is null ? string.Empty : $" h0 {HiddenState}") + (CellState is null ? string.Empty : $" c0 {CellState}")
               + $" -> output {Output} h_n {HiddenOut}" + (CellOut is null ? string.Empty : $" c_n {CellOut}");
    }
}
