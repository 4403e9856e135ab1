namespace RnnShapeAnalyzers.Tracking
{
    /// <summary>Which layer made a tensor, and which of its outputs it is, for the layer-chaining rules.</summary>
    internal sealed class TensorProducer
    {
        public TensorProducer(TrackedLayer layer, TensorProducerPart part)
        {
            Layer = layer;
            Part = part;
        }

        public TrackedLayer Layer { get; }

        public TensorProducerPart Part { get; }
    }

    /// <summary>Which output of its layer a tensor is.</summary>
    internal enum TensorProducerPart
    {
        /// <summary>A recurrent layer's output sequence, or a cell's new hidden state.</summary>
        RecurrentOutput,

        /// <summary>A recurrent layer's final hidden (or cell) state h_n.</summary>
        RecurrentFinalState,

        /// <summary>An embedding lookup.</summary>
        Embedding,
    }
}
