namespace RnnShapeAnalyzers.ShapeRules
{
    /// <summary>The recurrent layers TorchSharp offers.</summary>
    public enum RecurrentKind
    {
        /// <summary><c>torch.nn.RNN</c> (Elman RNN, one gate).</summary>
        Rnn,

        /// <summary><c>torch.nn.LSTM</c>: state is a pair (h0, c0).</summary>
        Lstm,

        /// <summary><c>torch.nn.GRU</c>.</summary>
        Gru,

        /// <summary><c>torch.nn.RNNCell</c>: one time step.</summary>
        RnnCell,

        /// <summary><c>torch.nn.LSTMCell</c>: one time step, state is a pair (hx, cx).</summary>
        LstmCell,

        /// <summary><c>torch.nn.GRUCell</c>: one time step.</summary>
        GruCell,
    }
}
