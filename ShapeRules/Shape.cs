using System;
using System.Collections.Generic;
using System.Linq;

namespace RnnShapeAnalyzers.ShapeRules
{
    /// <summary>
    /// A tensor shape as far as it is known: either the rank is unknown (nothing is known), or the rank
    /// is known and each dimension is a <see cref="Dim"/> that may itself be unknown.
    /// </summary>
    public sealed class Shape : IEquatable<Shape>
    {
        private readonly Dim[]? _dims;

        private Shape(Dim[]? dims) => _dims = dims;

        /// <summary>A shape of which not even the rank is known.</summary>
        public static Shape UnknownRank { get; } = new Shape(null);

        /// <summary>A shape of known rank.</summary>
        public static Shape Of(params Dim[] dims) => new Shape((Dim[])(dims ?? throw new ArgumentNullException(nameof(dims))).Clone());

        /// <summary>A fully known shape.</summary>
        public static Shape Of(params long[] dims) => new Shape((dims ?? throw new ArgumentNullException(nameof(dims))).Select(Dim.Of).ToArray());

        /// <summary>A shape of known rank from a sequence of dimensions.</summary>
        public static Shape Of(IEnumerable<Dim> dims) => new Shape((dims ?? throw new ArgumentNullException(nameof(dims))).ToArray());

        /// <summary>True when the number of dimensions is known.</summary>
        public bool IsRankKnown => _dims is not null;

        /// <summary>The number of dimensions; only meaningful when <see cref="IsRankKnown"/>.</summary>
        public int Rank => _dims?.Length ?? throw new InvalidOperationException("The rank is not known.");

        /// <summary>The dimensions (empty when the rank is unknown).</summary>
        public IReadOnlyList<Dim> Dims => _dims ?? Array.Empty<Dim>();

        /// <summary>Dimension <paramref name="index"/>; negative indices count from the end, as in libtorch.
        /// Unknown when the rank is unknown or the index is out of range.</summary>
        public Dim this[int index]
        {
            get
            {
                if (_dims is null)
                {
                    return Dim.Unknown;
                }

                var i = index < 0 ? _dims.Length + index : index;
                return i >= 0 && i < _dims.Length ? _dims[i] : Dim.Unknown;
            }
        }

        /// <summary>True when every dimension is proven.</summary>
        public bool IsFullyKnown => _dims is not null && _dims.All(d => d.IsKnown);

        /// <summary>A copy with dimension <paramref name="index"/> replaced.</summary>
        public Shape With(int index, Dim dim)
        {
            if (_dims is null || index < 0 || index >= _dims.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            var copy = (Dim[])_dims.Clone();
            copy[index] = dim;
            return new Shape(copy);
        }

        /// <inheritdoc/>
        public bool Equals(Shape? other)
        {
            if (other is null)
            {
                return false;
            }

            if (_dims is null || other._dims is null)
            {
                return _dims is null && other._dims is null;
            }

            return _dims.SequenceEqual(other._dims);
        }

        /// <inheritdoc/>
        public override bool Equals(object? obj) => Equals(obj as Shape);

        /// <inheritdoc/>
        public override int GetHashCode() => _dims is null ? 0 : _dims.Aggregate(17, (h, d) => (h * 31) + d.GetHashCode());

        /// <summary>Formats as libtorch prints shapes: <c>[10, 32, 5]</c>; unknown rank is <c>[...]</c>.</summary>
        public override string ToString() => _dims is null ? "[...]" : "[" + string.Join(", ", _dims.Select(d => d.ToString())) + "]";
    }
}
