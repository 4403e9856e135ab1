namespace RnnShapeAnalyzers.ShapeRules
{
    /// <summary>The diagnostic ids. Each is used for one rule only and never reused.</summary>
    public static class RuleIds
    {
        /// <summary>The input's last dimension differs from the layer's inputSize.</summary>
        public const string InputFeatureSize = "RNN001";

        /// <summary>A hidden (or cell) state tensor has the wrong shape.</summary>
        public const string HiddenStateShape = "RNN002";

        /// <summary>The state's batch is the input's other leading dimension: code written for the opposite batchFirst.</summary>
        public const string BatchFirstMixUp = "RNN003";

        /// <summary>The input has the wrong number of dimensions: RNN/LSTM/GRU need 3, cells 1 or 2.</summary>
        public const string InputRank = "RNN004";

        /// <summary>An input or state has another dtype than the layer's parameters.</summary>
        public const string ElementType = "RNN005";

        /// <summary>An input or state is on another device than the layer's parameters (known at run time only).</summary>
        public const string Device = "RNN006";

        /// <summary>The input sequence has length 0.</summary>
        public const string EmptySequence = "RNN007";

        /// <summary>A cell is called without a state where TorchSharp 0.107 cannot build one.</summary>
        public const string MissingCellState = "RNN008";

        /// <summary>A recurrent layer reads another recurrent layer's output (D * hiddenSize features) with another inputSize.</summary>
        public const string RecurrentLayerChain = "RNN009";

        /// <summary>An <c>nn.Linear</c> reads a recurrent output or final state with another in_features.</summary>
        public const string LinearAfterRecurrent = "RNN010";

        /// <summary>A recurrent layer reads an <c>nn.Embedding</c>'s output with an inputSize other than its embedding_dims.</summary>
        public const string EmbeddingDimension = "RNN011";
    }
}
