namespace RnnShapeAnalyzers.ShapeRules
{
    /// <summary>Facts about each <see cref="RecurrentKind"/> that the rules and messages need.</summary>
    public static class RecurrentKindFacts
    {
        /// <summary>The name TorchSharp uses for the factory and the module class.</summary>
        public static string DisplayName(this RecurrentKind kind) => kind switch
        {
            RecurrentKind.Rnn => "RNN",
            RecurrentKind.Lstm => "LSTM",
            RecurrentKind.Gru => "GRU",
            RecurrentKind.RnnCell => "RNNCell",
            RecurrentKind.LstmCell => "LSTMCell",
            _ => "GRUCell",
        };

        /// <summary>True for the single-step cells (RNNCell, LSTMCell, GRUCell).</summary>
        public static bool IsCell(this RecurrentKind kind) => kind is RecurrentKind.RnnCell or RecurrentKind.LstmCell or RecurrentKind.GruCell;

        /// <summary>True when the state is a pair (hidden, cell): LSTM and LSTMCell.</summary>
        public static bool HasCellState(this RecurrentKind kind) => kind is RecurrentKind.Lstm or RecurrentKind.LstmCell;

        /// <summary>Rows of <c>weight_ih</c> per hidden unit: 4 for LSTM, 3 for GRU, 1 for RNN.</summary>
        public static int GateCount(this RecurrentKind kind) => kind switch
        {
            RecurrentKind.Lstm or RecurrentKind.LstmCell => 4,
            RecurrentKind.Gru or RecurrentKind.GruCell => 3,
            _ => 1,
        };
    }
}
