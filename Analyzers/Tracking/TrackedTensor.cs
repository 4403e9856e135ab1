using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using RnnShapeAnalyzers.ShapeRules;

namespace RnnShapeAnalyzers.Tracking
{
    /// <summary>
    /// What the analyzer proved about a tensor: its shape; when it was made by a factory call in source
    /// (<c>torch.zeros(1, 32, 20)</c>), the syntax of each dimension so a fix can rewrite it; its dtype
    /// when written; and the layer that produced it, for the layer-chaining rules.
    /// </summary>
    /// <remarks>
    /// A tensor that comes from a method parameter (or a local the analyzer cannot follow) has no known
    /// rank, but its dimensions have names: <c>x.shape[0]</c>. Such a tensor, and anything computed from it,
    /// is kept as a function of the rank of that root (<see cref="ShapeForRootRank"/>): a recurrent call
    /// later decides the rank (RNN, LSTM and GRU read 3-D input) and so every dimension's name.
    /// </remarks>
    internal sealed class TrackedTensor
    {
        public static readonly TrackedTensor Unknown = new TrackedTensor(Shape.UnknownRank, ImmutableArray<SyntaxNode>.Empty, null);

        public TrackedTensor(Shape shape, ImmutableArray<SyntaxNode> dimensionSyntax, IOperation? source, string? elementType = null, TensorProducer? producer = null)
        {
            Shape = shape;
            DimensionSyntax = dimensionSyntax;
            Source = source;
            ElementType = elementType;
            Producer = producer;
        }

        private TrackedTensor(string root, Func<int, Shape> shapeForRootRank, string? elementType, TensorProducer? producer)
            : this(Shape.UnknownRank, ImmutableArray<SyntaxNode>.Empty, null, elementType, producer)
        {
            Root = root;
            ShapeForRootRank = Remembered(shapeForRootRank);
        }

        /// <summary>The shape; of unknown rank for a tensor that depends on a root's rank.</summary>
        public Shape Shape { get; }

        /// <summary>One node per dimension when the shape was written out in source; otherwise empty.</summary>
        public ImmutableArray<SyntaxNode> DimensionSyntax { get; }

        /// <summary>
        /// The factory call that made the tensor, or null when unknown. Every call given a tensor with the
        /// same source receives the same tensor, so a fix that rewrites its dimensions changes them all.
        /// </summary>
        public IOperation? Source { get; }

        /// <summary>The dtype as TorchSharp's <c>ScalarType</c> name (<c>Float32</c>), or null when unknown.</summary>
        public string? ElementType { get; }

        /// <summary>The layer whose output this is (through shape-keeping operations), or null.</summary>
        public TensorProducer? Producer { get; }

        /// <summary>The name of the parameter or local the dimensions are named after, when the rank is not known.</summary>
        public string? Root { get; }

        /// <summary>The shape if <see cref="Root"/> has the given rank.</summary>
        public Func<int, Shape>? ShapeForRootRank { get; }

        public bool IsKnown => Shape.IsRankKnown || Root is not null;

        /// <summary>A tensor whose dimensions are named <c>root.shape[i]</c>.</summary>
        public static TrackedTensor FromRoot(string root, string? elementType = null)
            => new TrackedTensor(root, rank => NamedShape(root, rank), elementType, null);

        public static string DimensionName(string root, int index) => root + ".shape[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";

        /// <summary>
        /// True for a name <see cref="DimensionName"/> makes (<c>x.shape[1]</c>), which is also code that
        /// reads that dimension wherever the root is in scope.
        /// </summary>
        public static bool IsDimensionName(string symbol)
        {
            var open = symbol.IndexOf(".shape[", StringComparison.Ordinal);
            if (open <= 0 || !symbol.EndsWith("]", StringComparison.Ordinal) || !Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(symbol.Substring(0, open)))
            {
                return false;
            }

            var index = symbol.Substring(open + 7, symbol.Length - open - 8);
            return int.TryParse(index, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _);
        }

        /// <summary>The same tensor after a shape operation; the producer is kept when <paramref name="keepsProducer"/>.</summary>
        public TrackedTensor Map(Func<Shape, Shape> operation, bool keepsProducer, string? elementType = null, TensorProducer? producer = null)
        {
            var type = elementType ?? ElementType;
            var from = producer ?? (keepsProducer ? Producer : null);
            if (Root is { } root && ShapeForRootRank is { } parent)
            {
                return new TrackedTensor(root, rank => operation(parent(rank)), type, from);
            }

            var shape = operation(Shape);
            return !shape.IsRankKnown && type is null && from is null
                ? Unknown
                : new TrackedTensor(shape, ImmutableArray<SyntaxNode>.Empty, null, type, from);
        }

        /// <summary>The same shape with another dtype (<c>.to(ScalarType.Float32)</c>).</summary>
        public TrackedTensor WithElementType(string? elementType) => Map(shape => shape, keepsProducer: true, elementType);

        /// <summary>The same tensor converted to a dtype the analyzer does not know.</summary>
        public TrackedTensor WithoutElementType()
            => Root is { } root && ShapeForRootRank is { } shapeFor
                ? new TrackedTensor(root, shapeFor, null, Producer)
                : new TrackedTensor(Shape, DimensionSyntax, Source, null, Producer);

        /// <summary>
        /// Each rank's shape computed once: a call tries every root rank, and a chain of layers and shape
        /// methods would otherwise recompute the whole chain for each of them.
        /// </summary>
        private static Func<int, Shape> Remembered(Func<int, Shape> shapeFor)
        {
            var known = new Shape?[8];
            return rank =>
            {
                if (rank < 0 || rank >= known.Length)
                {
                    return shapeFor(rank);
                }

                return known[rank] ??= shapeFor(rank);
            };
        }

        private static Shape NamedShape(string root, int rank)
        {
            var dims = new Dim[rank];
            for (var i = 0; i < rank; i++)
            {
                dims[i] = Dim.Symbolic(DimensionName(root, i));
            }

            return Shape.Of(dims);
        }
    }
}
