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

        /// <summary>The input of RNN/LSTM/GRU is not 3-D.</summary>
        public const string InputRank = "RNN004";
    }
}
