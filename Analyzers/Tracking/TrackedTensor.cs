using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using RnnShapeAnalyzers.ShapeRules;

namespace RnnShapeAnalyzers.Tracking
{
    /// <summary>
    /// What the analyzer proved about a tensor: its shape, and, when it was made by a factory call in
    /// source (<c>torch.zeros(1, 32, 20)</c>), the syntax of each dimension so a fix can rewrite it.
    /// </summary>
    internal sealed class TrackedTensor
    {
        public static readonly TrackedTensor Unknown = new TrackedTensor(Shape.UnknownRank, ImmutableArray<SyntaxNode>.Empty, null);

        public TrackedTensor(Shape shape, ImmutableArray<SyntaxNode> dimensionSyntax, IOperation? source)
        {
            Shape = shape;
            DimensionSyntax = dimensionSyntax;
            Source = source;
        }

        public Shape Shape { get; }

        /// <summary>One node per dimension when the shape was written out in source; otherwise empty.</summary>
        public ImmutableArray<SyntaxNode> DimensionSyntax { get; }

        /// <summary>
        /// The factory call that made the tensor, or null when unknown. Every call given a tensor with the
        /// same source receives the same tensor, so a fix that rewrites its dimensions changes them all.
        /// </summary>
        public IOperation? Source { get; }
    }
}
