using System;
using System.Collections.Generic;

namespace RnnShapeAnalyzers.ShapeRules
{
    /// <summary>
    /// What TorchSharp's shape-changing tensor methods do to a shape, as far as it is known. Each
    /// returns <see cref="Shape.UnknownRank"/> when it cannot be sure of the rank (unknown input rank, a
    /// dimension out of range, which would throw anyway); a size it cannot be sure of is
    /// <see cref="Dim.Unknown"/>. Dimension arguments may be negative, counted from the end as libtorch does.
    /// </summary>
    public static class ShapeOps
    {
        /// <summary><c>transpose(dim0, dim1)</c>, <c>swapaxes</c>, <c>swapdims</c>.</summary>
        public static Shape Transpose(Shape shape, long dim0, long dim1)
        {
            if (!TryNormalize(shape, dim0, out var a) || !TryNormalize(shape, dim1, out var b))
            {
                return Shape.UnknownRank;
            }

            var dims = Copy(shape);
            (dims[a], dims[b]) = (dims[b], dims[a]);
            return Shape.Of(dims);
        }

        /// <summary><c>permute(permutation)</c>: every dimension exactly once.</summary>
        public static Shape Permute(Shape shape, IReadOnlyList<long> permutation)
        {
            if (!shape.IsRankKnown || permutation.Count != shape.Rank)
            {
                return Shape.UnknownRank;
            }

            var seen = new bool[shape.Rank];
            var dims = new Dim[shape.Rank];
            for (var i = 0; i < permutation.Count; i++)
            {
                if (!TryNormalize(shape, permutation[i], out var from) || seen[from])
                {
                    return Shape.UnknownRank;
                }

                seen[from] = true;
                dims[i] = shape[from];
            }

            return Shape.Of(dims);
        }

        /// <summary><c>unsqueeze(dim)</c>: a new dimension of size 1; dim ranges over rank + 1 positions.</summary>
        public static Shape Unsqueeze(Shape shape, long dim)
        {
            if (!shape.IsRankKnown)
            {
                return Shape.UnknownRank;
            }

            var rank = shape.Rank + 1;
            var at = dim < 0 ? dim + rank : dim;
            if (at < 0 || at >= rank)
            {
                return Shape.UnknownRank;
            }

            var dims = new List<Dim>(shape.Dims);
            dims.Insert((int)at, Dim.Of(1));
            return Shape.Of(dims);
        }

        /// <summary>
        /// <c>squeeze(dim)</c>: removes the dimension when it is 1 and keeps the shape otherwise; when its
        /// size is unknown, so is the rank. <c>squeeze()</c> (null) removes every 1, so every size must be known.
        /// </summary>
        public static Shape Squeeze(Shape shape, long? dim)
        {
            if (!shape.IsRankKnown)
            {
                return Shape.UnknownRank;
            }

            if (dim is not long d)
            {
                var kept = new List<Dim>();
                foreach (var size in shape.Dims)
                {
                    if (!size.IsKnown)
                    {
                        return Shape.UnknownRank;
                    }

                    if (size.Value != 1)
                    {
                        kept.Add(size);
                    }
                }

                return Shape.Of(kept);
            }

            if (!TryNormalize(shape, d, out var at) || !shape[at].IsKnown)
            {
                return Shape.UnknownRank;
            }

            return shape[at].Value == 1 ? Remove(shape, at) : shape;
        }

        /// <summary>
        /// <c>view(sizes)</c>/<c>reshape(sizes)</c>: the sizes given, with one -1 inferred from the
        /// element count when every size on both sides is known. Two -1s throw; the rank is still known.
        /// </summary>
        public static Shape Reshape(Shape shape, IReadOnlyList<Dim> sizes)
        {
            var inferredAt = -1;
            var dims = new Dim[sizes.Count];
            for (var i = 0; i < sizes.Count; i++)
            {
                dims[i] = sizes[i];
                if (sizes[i].IsKnown && sizes[i].Value == -1)
                {
                    if (inferredAt >= 0)
                    {
                        return Shape.UnknownRank;
                    }

                    inferredAt = i;
                    dims[i] = Dim.Unknown;
                }
            }

            if (inferredAt >= 0)
            {
                dims[inferredAt] = InferMissing(shape, dims, inferredAt);
            }

            return Shape.Of(dims);
        }

        /// <summary><c>flatten(startDim, endDim)</c>: the dimensions from start to end (inclusive) become their product.</summary>
        public static Shape Flatten(Shape shape, long startDim, long endDim)
        {
            if (!shape.IsRankKnown)
            {
                return Shape.UnknownRank;
            }

            if (shape.Rank == 0)
            {
                return Shape.Of(Dim.Of(1));
            }

            if (!TryNormalize(shape, startDim, out var start) || !TryNormalize(shape, endDim, out var end) || start > end)
            {
                return Shape.UnknownRank;
            }

            var dims = new List<Dim>();
            var product = Dim.Of(1);
            for (var i = 0; i < shape.Rank; i++)
            {
                if (i < start || i > end)
                {
                    dims.Add(shape[i]);
                    continue;
                }

                product *= shape[i];
                if (i == end)
                {
                    dims.Add(start == end ? shape[i] : product);
                }
            }

            return Shape.Of(dims);
        }

        /// <summary><c>T</c>: TorchSharp reverses every dimension, whatever the rank.</summary>
        public static Shape Reverse(Shape shape)
        {
            if (!shape.IsRankKnown)
            {
                return Shape.UnknownRank;
            }

            var dims = Copy(shape);
            Array.Reverse(dims);
            return Shape.Of(dims);
        }

        /// <summary><c>narrow(dim, start, length)</c>: that dimension becomes <paramref name="length"/>.</summary>
        public static Shape Narrow(Shape shape, long dim, Dim length)
            => TryNormalize(shape, dim, out var at) ? shape.With(at, length) : Shape.UnknownRank;

        /// <summary><c>select(dim, index)</c> and an integer index: the dimension is removed.</summary>
        public static Shape Select(Shape shape, long dim) => TryNormalize(shape, dim, out var at) ? Remove(shape, at) : Shape.UnknownRank;

        /// <summary>
        /// Indexing with <see cref="TensorIndexKind"/>s: an integer removes a dimension, a full slice
        /// (<c>..</c>, <c>TensorIndex.Colon</c>) keeps it, another slice keeps it with an unknown size,
        /// one ellipsis stands for every dimension not indexed, None inserts a 1.
        /// </summary>
        public static Shape Index(Shape shape, IReadOnlyList<TensorIndexKind> indices)
        {
            if (!shape.IsRankKnown)
            {
                return Shape.UnknownRank;
            }

            var consumed = 0;
            var ellipses = 0;
            foreach (var index in indices)
            {
                switch (index)
                {
                    case TensorIndexKind.Ellipsis:
                        ellipses++;
                        break;
                    case TensorIndexKind.NewAxis:
                        break;
                    default:
                        consumed++;
                        break;
                }
            }

            if (ellipses > 1 || consumed > shape.Rank)
            {
                return Shape.UnknownRank;
            }

            var dims = new List<Dim>();
            var source = 0;
            foreach (var index in indices)
            {
                switch (index)
                {
                    case TensorIndexKind.Integer:
                        source++;
                        break;
                    case TensorIndexKind.FullSlice:
                        dims.Add(shape[source++]);
                        break;
                    case TensorIndexKind.PartialSlice:
                        source++;
                        dims.Add(Dim.Unknown);
                        break;
                    case TensorIndexKind.NewAxis:
                        dims.Add(Dim.Of(1));
                        break;
                    case TensorIndexKind.Ellipsis:
                        for (var skipped = shape.Rank - consumed; skipped > 0; skipped--)
                        {
                            dims.Add(shape[source++]);
                        }

                        break;
                    default:
                        return Shape.UnknownRank;
                }
            }

            while (source < shape.Rank)
            {
                dims.Add(shape[source++]);
            }

            return Shape.Of(dims);
        }

        /// <summary><c>torch.cat(tensors, dim)</c>: same rank; the sizes along dim add up; the others are the first tensor's.</summary>
        public static Shape Concatenate(IReadOnlyList<Shape> shapes, long dim)
        {
            if (shapes.Count == 0 || !shapes[0].IsRankKnown || !TryNormalize(shapes[0], dim, out var at))
            {
                return Shape.UnknownRank;
            }

            var total = Dim.Of(0);
            foreach (var shape in shapes)
            {
                if (!shape.IsRankKnown || shape.Rank != shapes[0].Rank)
                {
                    return Shape.UnknownRank;
                }

                total = total.IsKnown && shape[at].IsKnown ? Dim.Of(total.Value + shape[at].Value) : Dim.Unknown;
            }

            return shapes[0].With(at, total);
        }

        /// <summary><c>torch.stack(tensors, dim)</c>: equal shapes, a new dimension of the tensor count.</summary>
        public static Shape Stack(IReadOnlyList<Shape> shapes, long dim)
        {
            if (shapes.Count == 0 || !shapes[0].IsRankKnown)
            {
                return Shape.UnknownRank;
            }

            foreach (var shape in shapes)
            {
                if (!shape.IsRankKnown || shape.Rank != shapes[0].Rank)
                {
                    return Shape.UnknownRank;
                }
            }

            var stacked = Unsqueeze(shapes[0], dim);
            if (!stacked.IsRankKnown)
            {
                return stacked;
            }

            var at = dim < 0 ? dim + stacked.Rank : dim;
            return stacked.With((int)at, Dim.Of(shapes.Count));
        }

        /// <summary><c>expand(sizes)</c>: -1 keeps the existing size; new leading dimensions may be added.</summary>
        public static Shape Expand(Shape shape, IReadOnlyList<Dim> sizes)
        {
            if (!shape.IsRankKnown || sizes.Count < shape.Rank)
            {
                return Shape.UnknownRank;
            }

            var offset = sizes.Count - shape.Rank;
            var dims = new Dim[sizes.Count];
            for (var i = 0; i < sizes.Count; i++)
            {
                var keep = sizes[i].IsKnown && sizes[i].Value == -1;
                dims[i] = keep ? (i >= offset ? shape[i - offset] : Dim.Unknown) : sizes[i];
            }

            return Shape.Of(dims);
        }

        /// <summary><c>nn.Linear(in, out)</c> applied: the last dimension becomes <paramref name="outFeatures"/>.</summary>
        public static Shape ReplaceLast(Shape shape, Dim outFeatures)
            => shape.IsRankKnown && shape.Rank > 0 ? shape.With(shape.Rank - 1, outFeatures) : Shape.UnknownRank;

        /// <summary><c>nn.Embedding(num, dim)</c> applied: a new last dimension <paramref name="embeddingDim"/>.</summary>
        public static Shape Append(Shape shape, Dim embeddingDim)
        {
            if (!shape.IsRankKnown)
            {
                return Shape.UnknownRank;
            }

            var dims = new List<Dim>(shape.Dims) { embeddingDim };
            return Shape.Of(dims);
        }

        private static Dim InferMissing(Shape source, Dim[] target, int missingAt)
        {
            if (!source.IsFullyKnown)
            {
                return Dim.Unknown;
            }

            long total = 1, known = 1;
            try
            {
                foreach (var dim in source.Dims)
                {
                    total = checked(total * dim.Value);
                }

                for (var i = 0; i < target.Length; i++)
                {
                    if (i == missingAt)
                    {
                        continue;
                    }

                    if (!target[i].IsKnown || target[i].Value <= 0)
                    {
                        return Dim.Unknown;
                    }

                    known = checked(known * target[i].Value);
                }
            }
            catch (OverflowException)
            {
                return Dim.Unknown;
            }

            return total % known == 0 ? Dim.Of(total / known) : Dim.Unknown;
        }

        private static bool TryNormalize(Shape shape, long dim, out int index)
        {
            index = -1;
            if (!shape.IsRankKnown)
            {
                return false;
            }

            var at = dim < 0 ? dim + shape.Rank : dim;
            if (at < 0 || at >= shape.Rank)
            {
                return false;
            }

            index = (int)at;
            return true;
        }

        private static Dim[] Copy(Shape shape)
        {
            var dims = new Dim[shape.Rank];
            for (var i = 0; i < dims.Length; i++)
            {
                dims[i] = shape[i];
            }

            return dims;
        }

        private static Shape Remove(Shape shape, int index)
        {
            var dims = new List<Dim>(shape.Dims);
            dims.RemoveAt(index);
            return Shape.Of(dims);
        }
    }
}
