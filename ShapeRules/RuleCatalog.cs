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
            "Recurrent layer input has the wrong number of dimensions",
            "Input {0} has {1} dimensions but the {2} needs {3}{4}",
            "TorchSharp's RNN, LSTM and GRU accept only batched 3-D input (PyTorch's unbatched 2-D form does not exist there) and cells 1-D or 2-D input; libtorch throws 'input must have 3 dimensions' or 'Expected input to be 1D or 2D'.");

        /// <summary>RNN005.</summary>
        public static RuleDescription ElementType { get; } = new RuleDescription(
            RuleIds.ElementType,
            "Tensor dtype does not match the layer's parameters",
            "{0} has dtype {1} but the {2}'s parameters are {3}, the dtype it expects; convert it with .to(ScalarType.{3}) or build the layer with dtype: ScalarType.{1}",
            "Inputs and states must have the dtype of the layer's weights; libtorch otherwise throws 'mat1 and mat2 must have the same dtype' (or, for LSTM, 'get_mkldnn_dtype: unsupported data type').");

        /// <summary>RNN006.</summary>
        public static RuleDescription Device { get; } = new RuleDescription(
            RuleIds.Device,
            "Tensor is on another device than the layer",
            "{0} is on {1} but the {2}'s parameters are on {3}; move it with .to({4})",
            "Inputs and states must be on the device of the layer's weights; only the run time knows devices.");

        /// <summary>RNN007.</summary>
        public static RuleDescription EmptySequence { get; } = new RuleDescription(
            RuleIds.EmptySequence,
            "Input sequence is empty",
            "Input {0} has sequence length 0 (dimension {1}, since batchFirst is {2}); the {3} needs at least one time step",
            "libtorch rejects a zero-length sequence: 'Expected sequence length to be larger than 0 in RNN'.");

        /// <summary>RNN008.</summary>
        public static RuleDescription MissingCellState { get; } = new RuleDescription(
            RuleIds.MissingCellState,
            "Cell needs an explicit initial state",
            "The {0} is called without a state on input {1}, which TorchSharp 0.107 cannot fill in; it needs {2}",
            "TorchSharp 0.107's LSTMCell never builds a default state ('Input batch size N doesn't match hidden0 batch size 0'), and RNNCell and GRUCell cannot for a 1-D input of more than one feature ('Input batch size 1 doesn't match hidden0 batch size N').");

        /// <summary>RNN009: {0} the producer's origin, {1} its output features, {2} how they follow from it, {3} the consumer's origin, {4} its inputSize.</summary>
        public static RuleDescription RecurrentLayerChain { get; } = new RuleDescription(
            RuleIds.RecurrentLayerChain,
            "Recurrent layer's inputSize does not match the recurrent output it reads",
            "The output of {0} has {1} features ({2}) but {3} reads it with inputSize {4}; expected inputSize {1}",
            "A recurrent layer's output has D * hiddenSize features, D = 2 when it is bidirectional; a recurrent layer or cell that reads it needs that inputSize, or libtorch throws 'input.size(-1) must be equal to input_size' ('input has inconsistent input_size' for a cell).");

        /// <summary>RNN010: {0} the tensor and where it came from, {1} its features, {2} how they follow from it, {3} the Linear's origin, {4} its in_features.</summary>
        public static RuleDescription LinearAfterRecurrent { get; } = new RuleDescription(
            RuleIds.LinearAfterRecurrent,
            "Linear layer's in_features does not match the features it reads",
            "{0} has {1} features ({2}) but {3} reads it with in_features {4}; expected in_features {1}",
            "nn.Linear multiplies the last dimension of its input by its weight, so in_features must equal it: D * hiddenSize for a recurrent layer's output, hiddenSize for h_n, c_n or one slice of them; libtorch otherwise throws 'mat1 and mat2 shapes cannot be multiplied'.");

        /// <summary>RNN011: {0} the embedding's origin, {1} its embedding_dims, {2} the consumer's origin, {3} its inputSize.</summary>
        public static RuleDescription EmbeddingDimension { get; } = new RuleDescription(
            RuleIds.EmbeddingDimension,
            "Recurrent layer's inputSize does not match the embedding dimension",
            "The output of {0} has {1} features (its embedding_dims) but {2} reads it with inputSize {3}; expected inputSize {1}",
            "nn.Embedding appends embedding_dims features to its input's shape; a recurrent layer or cell that reads the embeddings needs that inputSize, or libtorch throws 'input.size(-1) must be equal to input_size' ('input has inconsistent input_size' for a cell).");

        /// <summary>Every rule, in id order.</summary>
        public static IReadOnlyList<RuleDescription> All { get; } = new[]
        {
            InputFeatureSize, HiddenStateShape, BatchFirstMixUp, InputRank, ElementType, Device, EmptySequence, MissingCellState,
            RecurrentLayerChain, LinearAfterRecurrent, EmbeddingDimension,
        };
    }
}
