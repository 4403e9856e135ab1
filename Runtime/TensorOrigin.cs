using RnnShapeAnalyzers.ShapeRules;

namespace RnnShapeAnalyzers.Runtime
{
    /// <summary>
    /// Which checked layer returned a tensor: what a reading layer's failure message needs to name the
    /// producer (RNN009 to RNN011). One instance per layer and result, shared by every call.
    /// </summary>
    internal abstract class TensorOrigin
    {
        /// <summary>The last dimension a tensor from this origin has, as far as the producer's configuration says.</summary>
        public abstract Dim Features { get; }
    }

    /// <summary>The output, h_n or c_n of a checked recurrent layer (for cells: the new hidden or cell state).</summary>
    internal sealed class RecurrentOutputOrigin : TensorOrigin
    {
        public RecurrentOutputOrigin(RecurrentLayerSpec producer, RecurrentOutputPart part)
        {
            Producer = producer;
            Part = part;
        }

        public RecurrentLayerSpec Producer { get; }

        public RecurrentOutputPart Part { get; }

        public override Dim Features => LayerChainRules.FeaturesOf(Producer, Part);
    }

    /// <summary>The output of a checked embedding.</summary>
    internal sealed class EmbeddingOutputOrigin : TensorOrigin
    {
        public EmbeddingOutputOrigin(long numEmbeddings, long embeddingDims)
        {
            NumEmbeddings = numEmbeddings;
            EmbeddingDims = Dim.Of(embeddingDims);
            Description = $"Embedding(num_embeddings: {numEmbeddings}, embedding_dims: {embeddingDims})";
        }

        public long NumEmbeddings { get; }

        public Dim EmbeddingDims { get; }

        /// <summary>The embedding as built, e.g. <c>Embedding(num_embeddings: 100, embedding_dims: 32)</c>.</summary>
        public string Description { get; }

        public override Dim Features => EmbeddingDims;
    }
}
