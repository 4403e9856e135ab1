using System.Runtime.CompilerServices;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.Runtime
{
    /// <summary>
    /// Remembers which checked layer returned which tensor object, so that a layer that rejects the
    /// tensor can name the layer that made it. The table holds its keys weakly: an entry lives as long
    /// as the tensor object and adds nothing that outlives it. Only the object that the layer returned
    /// is remembered; any operation that returns a new tensor object (dropout, indexing, view) starts
    /// without an origin.
    /// </summary>
    internal static class TensorProvenance
    {
        private static readonly ConditionalWeakTable<Tensor, TensorOrigin> Origins = new ConditionalWeakTable<Tensor, TensorOrigin>();

        public static void Remember(Tensor tensor, TensorOrigin origin) => Origins.AddOrUpdate(tensor, origin);

        /// <summary>
        /// The origin of <paramref name="tensor"/> when a checked layer returned it and its last dimension
        /// is still the one that layer gives (an in-place reshape keeps the object but not the shape).
        /// Called only on the failure path.
        /// </summary>
        public static TensorOrigin? Find(Tensor tensor)
        {
            if (!Origins.TryGetValue(tensor, out var origin) || tensor.IsInvalid || tensor.Dimensions == 0)
            {
                return null;
            }

            var features = origin.Features;
            return features.IsKnown && features.Value == tensor.size(-1) ? origin : null;
        }
    }
}
