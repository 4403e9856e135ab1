namespace RnnShapeAnalyzers.ShapeRules
{
    /// <summary>
    /// Which result of a recurrent layer another layer reads. The two differ in feature size only for a
    /// bidirectional layer: its output concatenates both directions, its final states keep them apart.
    /// </summary>
    public enum RecurrentOutputPart
    {
        /// <summary>
        /// The output sequence, or any of its time steps (<c>output[-1]</c>, <c>output[.., -1, ..]</c>):
        /// D * hiddenSize features, D = 2 when bidirectional. A cell's result (its new hidden state) is an output too.
        /// </summary>
        Output,

        /// <summary>
        /// h_n or c_n, whole or sliced (<c>h_n[-1]</c>): hiddenSize features, whatever bidirectional is,
        /// since the directions are separate rows of dimension 0. Also a cell's new cell state.
        /// </summary>
        FinalHiddenSlice,
    }
}
