using System.Collections.Generic;

namespace RnnShapeAnalyzers.ShapeRules
{
    /// <summary>The text of every rule, in one place.</summary>
    public static class RuleCatalog
    {
        /// <summary>The category every rule reports under.</summary>
        public const string Category = "Usage";

        /// <summary>Help pages are <c>docs/rules/&lt;id&gt;.md</c> in the repository.</summary>
        public const string HelpLinkBase = "https://github.com/rnnshapeanalyzers/RnnShapeAnalyzers/blob/main/docs/rules/";

        /// <summary>RNN001.</summary>
        public static RuleDescription InputFeatureSize { get; } = new RuleDescription(
            RuleIds.InputFeatureSize,
            "Input feature size does not match the layer's inputSize",
            "Input {0} has {1} features in its last dimension but the {2} was built with inputSize {3}; expected input shape {4}",
            "The last dimension of a recurrent layer's input must equal the inputSize it was built with; libtorch otherwise throws 'input.size(-1) must be equal to input_size'.");

        /// <summary>RNN002.</summary>
        public static RuleDescription HiddenStateShape { get; } = new RuleDescription(
            RuleIds.HiddenStateShape,
            "Hidden state shape does not match the layer",
            "{0} has shape {1} but the {2} expects {3}: {4}",
            "An initial state must be (numLayers * directions, batch, hiddenSize) whatever batchFirst is; libtorch otherwise throws 'Expected hidden size ...'.");

        /// <summary>RNN003.</summary>
        public static RuleDescription BatchFirstMixUp { get; } = new RuleDescription(
            RuleIds.BatchFirstMixUp,
            "Hidden state was built for the opposite batchFirst",
            "{0} has batch {1} but the input's batch is {2}: batchFirst: {3} puts the batch in dimension {4} of input {5}, and a state always keeps it in dimension 1; expected {0} shape {6}{7}",
            "The state's batch dimension equals the input's other leading dimension, so the code was written for the opposite batchFirst; libtorch throws 'Expected hidden size ...'.");

        /// <summary>RNN004.</summary>
        public static RuleDescription InputRank { get; } = new RuleDescription(
            RuleIds.InputRank,
            "Recurrent layer input must be 3-D",
            "Input {0} has {1} dimensions but the {2} needs a 3-D input {3}{4}",
            "TorchSharp's RNN, LSTM and GRU accept only batched 3-D input (PyTorch's unbatched 2-D form does not exist there); libtorch throws 'input must have 3 dimensions'.");

        /// <summary>Every rule, in id order.</summary>
        public static IReadOnlyList<RuleDescription> All { get; } = new[] { InputFeatureSize, HiddenStateShape, BatchFirstMixUp, InputRank };
    }
}
