using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.Runtime
{
    /// <summary>
    /// A checked <see cref="Embedding"/>: same signature, parameters and outputs. It checks nothing
    /// itself; it remembers its outputs, so that a checked recurrent layer that reads one with another
    /// inputSize reports RNN011 and names this embedding.
    /// </summary>
    public sealed class CheckedEmbedding : CheckedModule<Embedding>
    {
        private readonly EmbeddingOutputOrigin _origin;

        internal CheckedEmbedding(Embedding inner)
            : base(inner)
        {
            var weight = inner.weight ?? throw new ArgumentException("The embedding has no weight to read its size from; was it disposed?", nameof(inner));
            _origin = new EmbeddingOutputOrigin(weight.size(0), weight.size(1));
        }

        /// <summary>num_embeddings: the number of rows of the weight, as built.</summary>
        public long num_embeddings => _origin.NumEmbeddings;

        /// <summary>embedding_dims: the feature size of every output, as built.</summary>
        public long embedding_dims => _origin.EmbeddingDims.Value;

        /// <summary>The real module's weight, (num_embeddings, embedding_dims).</summary>
        public Parameter? weight => Inner.weight;

        /// <inheritdoc/>
        public override Tensor forward(Tensor input)
        {
            TensorFacts.RequireLive(input, "input");
            var output = Inner.forward(input);
            TensorProvenance.Remember(output, _origin);
            return output;
        }
    }
}
