namespace RnnShapeAnalyzers.ShapeRules
{
    /// <summary>Which tensor of a recurrent call a violation is about.</summary>
    public enum ShapeOperand
    {
        /// <summary>The input sequence (or, for cells, the input step).</summary>
        Input,

        /// <summary>The initial hidden state h0 (hx for cells).</summary>
        HiddenState,

        /// <summary>The initial cell state c0 of an LSTM (cx for LSTMCell).</summary>
        CellState,
    }
}
