using System;
using RnnShapeAnalyzers.ShapeRules;
using Xunit;

namespace RnnShapeAnalyzers.Runtime.Tests
{
    /// <summary>
    /// What ShapeOps makes of a shape on its own: negative dimensions count from the end, a dimension out
    /// of range gives an unknown rank (libtorch would throw), a -1 is inferred only from known sizes, and an
    /// unknown or named size stays what it is. ShapeOpsGroundTruthTests holds the same operations to libtorch.
    /// </summary>
    public sealed class ShapeOpsTests
    {
        private static readonly Dim N = Dim.Symbolic("x.shape[1]");

        [Fact]
        public void TransposeSwapsTwoDimensionsCountedFromEitherEnd()
        {
            Assert.Equal(Shape.Of(3, 5, 10), ShapeOps.Transpose(Shape.Of(5, 3, 10), 0, 1));
            Assert.Equal(Shape.Of(5, 10, 3), ShapeOps.Transpose(Shape.Of(5, 3, 10), -1, -2));
            Assert.Equal(Shape.Of(10, 3, 5), ShapeOps.Transpose(Shape.Of(5, 3, 10), 2, -3));
            Assert.Equal(Shape.Of(5, 3, 10), ShapeOps.Transpose(Shape.Of(5, 3, 10), 1, 1));
            Assert.Equal(Shape.Of(N, Dim.Of(5), Dim.Unknown), ShapeOps.Transpose(Shape.Of(Dim.Of(5), N, Dim.Unknown), 0, 1));
        }

        [Fact]
        public void TransposeOutOfRangeOrOfAnUnknownRankIsAnUnknownRank()
        {
            Assert.False(ShapeOps.Transpose(Shape.Of(5, 3, 10), 0, 3).IsRankKnown);
            Assert.False(ShapeOps.Transpose(Shape.Of(5, 3, 10), -4, 0).IsRankKnown);
            Assert.False(ShapeOps.Transpose(Shape.UnknownRank, 0, 1).IsRankKnown);
        }

        [Fact]
        public void PermuteTakesEveryDimensionOnce()
        {
            Assert.Equal(Shape.Of(100, 8, 40), ShapeOps.Permute(Shape.Of(8, 40, 100), new long[] { 2, 0, 1 }));
            Assert.Equal(Shape.Of(8, 100, 40), ShapeOps.Permute(Shape.Of(8, 40, 100), new long[] { 0, -1, -2 }));
            Assert.False(ShapeOps.Permute(Shape.Of(8, 40, 100), new long[] { 0, 1 }).IsRankKnown);
            Assert.False(ShapeOps.Permute(Shape.Of(8, 40, 100), new long[] { 0, 1, 2, 3 }).IsRankKnown);
            Assert.False(ShapeOps.Permute(Shape.Of(8, 40, 100), new long[] { 0, 0, 1 }).IsRankKnown);
            Assert.False(ShapeOps.Permute(Shape.Of(8, 40, 100), new long[] { 0, 2, -1 }).IsRankKnown);
            Assert.False(ShapeOps.Permute(Shape.Of(8, 40, 100), new long[] { 0, 1, 3 }).IsRankKnown);
            Assert.False(ShapeOps.Permute(Shape.UnknownRank, new long[] { 0 }).IsRankKnown);
        }

        /// <summary>unsqueeze ranges over rank + 1 positions: -1 appends, 0 prepends.</summary>
        [Fact]
        public void UnsqueezeInsertsASizeOne()
        {
            Assert.Equal(Shape.Of(1, 5, 10), ShapeOps.Unsqueeze(Shape.Of(5, 10), 0));
            Assert.Equal(Shape.Of(5, 1, 10), ShapeOps.Unsqueeze(Shape.Of(5, 10), 1));
            Assert.Equal(Shape.Of(5, 10, 1), ShapeOps.Unsqueeze(Shape.Of(5, 10), 2));
            Assert.Equal(Shape.Of(5, 10, 1), ShapeOps.Unsqueeze(Shape.Of(5, 10), -1));
            Assert.Equal(Shape.Of(1, 5, 10), ShapeOps.Unsqueeze(Shape.Of(5, 10), -3));
            Assert.Equal(Shape.Of(1), ShapeOps.Unsqueeze(Shape.Of(Array.Empty<long>()), 0));
            Assert.False(ShapeOps.Unsqueeze(Shape.Of(5, 10), 3).IsRankKnown);
            Assert.False(ShapeOps.Unsqueeze(Shape.Of(5, 10), -4).IsRankKnown);
            Assert.False(ShapeOps.Unsqueeze(Shape.UnknownRank, 0).IsRankKnown);
        }

        [Fact]
        public void SqueezeOfADimensionRemovesItOnlyWhenItIsOne()
        {
            Assert.Equal(Shape.Of(5, 3, 10), ShapeOps.Squeeze(Shape.Of(5, 3, 1, 10), 2));
            Assert.Equal(Shape.Of(5, 3, 10), ShapeOps.Squeeze(Shape.Of(5, 3, 1, 10), -2));
            Assert.Equal(Shape.Of(5, 3, 1, 10), ShapeOps.Squeeze(Shape.Of(5, 3, 1, 10), 1));
            Assert.Equal(Shape.Of(Dim.Of(5), N), ShapeOps.Squeeze(Shape.Of(Dim.Of(5), Dim.Of(1), N), 1));
        }

        /// <summary>Whether an unknown size is 1 decides the rank, so the rank is unknown too.</summary>
        [Fact]
        public void SqueezeOfAnUnknownSizeOrOutOfRangeIsAnUnknownRank()
        {
            Assert.False(ShapeOps.Squeeze(Shape.Of(Dim.Of(5), Dim.Unknown, Dim.Of(10)), 1).IsRankKnown);
            Assert.False(ShapeOps.Squeeze(Shape.Of(Dim.Of(5), N, Dim.Of(10)), 1).IsRankKnown);
            Assert.False(ShapeOps.Squeeze(Shape.Of(5, 3, 10), 3).IsRankKnown);
            Assert.False(ShapeOps.Squeeze(Shape.Of(5, 3, 10), -4).IsRankKnown);
            Assert.False(ShapeOps.Squeeze(Shape.UnknownRank, 0).IsRankKnown);
        }

        [Fact]
        public void SqueezeWithoutADimensionRemovesEveryOneWhenEverySizeIsKnown()
        {
            Assert.Equal(Shape.Of(5, 10), ShapeOps.Squeeze(Shape.Of(1, 5, 1, 10, 1), null));
            Assert.Equal(Shape.Of(Array.Empty<long>()), ShapeOps.Squeeze(Shape.Of(1, 1), null));
            Assert.Equal(Shape.Of(5, 10), ShapeOps.Squeeze(Shape.Of(5, 10), null));
            Assert.False(ShapeOps.Squeeze(Shape.Of(Dim.Of(5), N, Dim.Of(10)), null).IsRankKnown);
        }

        [Fact]
        public void ReshapeInfersOneMinusOneFromTheElementCount()
        {
            Assert.Equal(Shape.Of(8, 3, 10), ShapeOps.Reshape(Shape.Of(4, 6, 10), Sizes(-1, 3, 10)));
            Assert.Equal(Shape.Of(8, 3, 10), ShapeOps.Reshape(Shape.Of(4, 6, 10), Sizes(8, -1, 10)));
            Assert.Equal(Shape.Of(240), ShapeOps.Reshape(Shape.Of(4, 6, 10), Sizes(-1)));
            Assert.Equal(Shape.Of(2, 3, 4), ShapeOps.Reshape(Shape.Of(24), Sizes(2, 3, 4)));
        }

        /// <summary>A -1 next to an unknown size, from an unknown shape, or that does not divide is unknown; the rank is still the sizes'.</summary>
        [Fact]
        public void ReshapeCannotInferFromWhatIsNotKnown()
        {
            Assert.Equal(Shape.Of(Dim.Unknown, Dim.Of(28), Dim.Of(28)), ShapeOps.Reshape(Shape.UnknownRank, Sizes(-1, 28, 28)));
            Assert.Equal(Shape.Of(Dim.Unknown, Dim.Of(10)), ShapeOps.Reshape(Shape.Of(Dim.Of(4), N, Dim.Of(10)), Sizes(-1, 10)));
            Assert.Equal(Shape.Of(Dim.Unknown, N), ShapeOps.Reshape(Shape.Of(4, 6, 10), new[] { Dim.Of(-1), N }));
            Assert.Equal(Shape.Of(Dim.Unknown, Dim.Of(7)), ShapeOps.Reshape(Shape.Of(4, 6, 10), Sizes(-1, 7)));
            Assert.Equal(Shape.Of(Dim.Unknown, Dim.Of(0)), ShapeOps.Reshape(Shape.Of(4, 0), Sizes(-1, 0)));
            Assert.Equal(Shape.Of(Dim.Of(5), N, Dim.Of(10)), ShapeOps.Reshape(Shape.UnknownRank, new[] { Dim.Of(5), N, Dim.Of(10) }));
        }

        [Fact]
        public void ReshapeWithTwoMinusOnesIsAnUnknownRank()
            => Assert.False(ShapeOps.Reshape(Shape.Of(4, 6, 10), Sizes(-1, -1, 10)).IsRankKnown);

        [Fact]
        public void FlattenMultipliesTheRangeInclusive()
        {
            Assert.Equal(Shape.Of(150), ShapeOps.Flatten(Shape.Of(5, 3, 2, 5), 0, -1));
            Assert.Equal(Shape.Of(5, 3, 10), ShapeOps.Flatten(Shape.Of(5, 3, 2, 5), 2, -1));
            Assert.Equal(Shape.Of(5, 6, 5), ShapeOps.Flatten(Shape.Of(5, 3, 2, 5), 1, 2));
            Assert.Equal(Shape.Of(5, 3, 10), ShapeOps.Flatten(Shape.Of(5, 3, 2, 5), -2, -1));
            Assert.Equal(Shape.Of(5, 3, 2, 5), ShapeOps.Flatten(Shape.Of(5, 3, 2, 5), 1, 1));
            Assert.Equal(Shape.Of(1), ShapeOps.Flatten(Shape.Of(Array.Empty<long>()), 0, -1));
            Assert.Equal(Shape.Of(Dim.Of(5), Dim.Unknown), ShapeOps.Flatten(Shape.Of(Dim.Of(5), N, Dim.Of(10)), 1, 2));
            Assert.Equal(Shape.Of(Dim.Of(5), N), ShapeOps.Flatten(Shape.Of(Dim.Of(5), N), 1, 1));
        }

        [Fact]
        public void FlattenOutOfRangeOrBackwardsIsAnUnknownRank()
        {
            Assert.False(ShapeOps.Flatten(Shape.Of(5, 3, 10), 2, 1).IsRankKnown);
            Assert.False(ShapeOps.Flatten(Shape.Of(5, 3, 10), 0, 3).IsRankKnown);
            Assert.False(ShapeOps.Flatten(Shape.Of(5, 3, 10), -4, -1).IsRankKnown);
            Assert.False(ShapeOps.Flatten(Shape.UnknownRank, 0, -1).IsRankKnown);
        }

        /// <summary>TorchSharp's T reverses every dimension, whatever the rank.</summary>
        [Fact]
        public void ReverseReversesEveryDimension()
        {
            Assert.Equal(Shape.Of(10, 3, 5), ShapeOps.Reverse(Shape.Of(5, 3, 10)));
            Assert.Equal(Shape.Of(3, 5), ShapeOps.Reverse(Shape.Of(5, 3)));
            Assert.Equal(Shape.Of(5), ShapeOps.Reverse(Shape.Of(5)));
            Assert.Equal(Shape.Of(N, Dim.Unknown, Dim.Of(2)), ShapeOps.Reverse(Shape.Of(Dim.Of(2), Dim.Unknown, N)));
            Assert.False(ShapeOps.Reverse(Shape.UnknownRank).IsRankKnown);
        }

        [Fact]
        public void NarrowSetsTheLengthOfOneDimension()
        {
            Assert.Equal(Shape.Of(10, 3, 8), ShapeOps.Narrow(Shape.Of(10, 3, 12), 2, Dim.Of(8)));
            Assert.Equal(Shape.Of(4, 3, 12), ShapeOps.Narrow(Shape.Of(10, 3, 12), -3, Dim.Of(4)));
            Assert.Equal(Shape.Of(Dim.Of(10), Dim.Of(3), N), ShapeOps.Narrow(Shape.Of(10, 3, 12), 2, N));
            Assert.False(ShapeOps.Narrow(Shape.Of(10, 3, 12), 3, Dim.Of(1)).IsRankKnown);
            Assert.False(ShapeOps.Narrow(Shape.UnknownRank, 0, Dim.Of(1)).IsRankKnown);
        }

        [Fact]
        public void SelectRemovesOneDimension()
        {
            Assert.Equal(Shape.Of(5, 3, 10), ShapeOps.Select(Shape.Of(2, 5, 3, 10), 0));
            Assert.Equal(Shape.Of(2, 5, 3), ShapeOps.Select(Shape.Of(2, 5, 3, 10), -1));
            Assert.Equal(Shape.Of(Array.Empty<long>()), ShapeOps.Select(Shape.Of(7), 0));
            Assert.False(ShapeOps.Select(Shape.Of(2, 5), 2).IsRankKnown);
            Assert.False(ShapeOps.Select(Shape.Of(Array.Empty<long>()), 0).IsRankKnown);
        }

        /// <summary><c>output[.., -1, ..]</c>: the last time step of a batch-first output.</summary>
        [Fact]
        public void IndexWithIntegersAndSlices()
        {
            var output = Shape.Of(Dim.Of(4), Dim.Of(7), N);
            Assert.Equal(Shape.Of(Dim.Of(4), N), ShapeOps.Index(output, Kinds(TensorIndexKind.FullSlice, TensorIndexKind.Integer, TensorIndexKind.FullSlice)));
            Assert.Equal(Shape.Of(Dim.Of(7), N), ShapeOps.Index(output, Kinds(TensorIndexKind.Integer)));
            Assert.Equal(Shape.Of(Dim.Unknown, Dim.Of(7), N), ShapeOps.Index(output, Kinds(TensorIndexKind.PartialSlice)));
            Assert.Equal(Shape.Of(Array.Empty<Dim>()), ShapeOps.Index(output, Kinds(TensorIndexKind.Integer, TensorIndexKind.Integer, TensorIndexKind.Integer)));
            Assert.Equal(output, ShapeOps.Index(output, Kinds()));
        }

        [Fact]
        public void IndexWithEllipsisAndNewAxes()
        {
            var sequence = Shape.Of(5, 10);
            Assert.Equal(Shape.Of(5, 1, 10), ShapeOps.Index(sequence, Kinds(TensorIndexKind.FullSlice, TensorIndexKind.NewAxis, TensorIndexKind.FullSlice)));
            Assert.Equal(Shape.Of(1, 5, 10), ShapeOps.Index(sequence, Kinds(TensorIndexKind.NewAxis, TensorIndexKind.Ellipsis)));
            Assert.Equal(Shape.Of(5, 10, 1), ShapeOps.Index(sequence, Kinds(TensorIndexKind.Ellipsis, TensorIndexKind.NewAxis)));
            Assert.Equal(Shape.Of(5), ShapeOps.Index(sequence, Kinds(TensorIndexKind.Ellipsis, TensorIndexKind.Integer)));
            Assert.Equal(Shape.Of(10), ShapeOps.Index(sequence, Kinds(TensorIndexKind.Integer, TensorIndexKind.Ellipsis)));
            Assert.Equal(Shape.Of(5, 10), ShapeOps.Index(sequence, Kinds(TensorIndexKind.FullSlice, TensorIndexKind.Ellipsis, TensorIndexKind.FullSlice)));
            Assert.Equal(Shape.Of(2, 1, 3, 4, 1), ShapeOps.Index(Shape.Of(2, 3, 4), Kinds(TensorIndexKind.FullSlice, TensorIndexKind.NewAxis, TensorIndexKind.Ellipsis, TensorIndexKind.NewAxis)));
        }

        [Fact]
        public void IndexWithTooManyIndicesOrTwoEllipsesIsAnUnknownRank()
        {
            Assert.False(ShapeOps.Index(Shape.Of(5, 10), Kinds(TensorIndexKind.Integer, TensorIndexKind.Integer, TensorIndexKind.Integer)).IsRankKnown);
            Assert.False(ShapeOps.Index(Shape.Of(5, 10), Kinds(TensorIndexKind.FullSlice, TensorIndexKind.PartialSlice, TensorIndexKind.Ellipsis, TensorIndexKind.Integer)).IsRankKnown);
            Assert.False(ShapeOps.Index(Shape.Of(5, 10), Kinds(TensorIndexKind.Ellipsis, TensorIndexKind.Ellipsis)).IsRankKnown);
            Assert.False(ShapeOps.Index(Shape.UnknownRank, Kinds(TensorIndexKind.Integer)).IsRankKnown);
        }

        [Fact]
        public void ConcatenateAddsUpTheSizesAlongTheDimension()
        {
            Assert.Equal(Shape.Of(5, 3, 10), ShapeOps.Concatenate(new[] { Shape.Of(5, 3, 4), Shape.Of(5, 3, 6) }, 2));
            Assert.Equal(Shape.Of(5, 3, 10), ShapeOps.Concatenate(new[] { Shape.Of(5, 3, 4), Shape.Of(5, 3, 6) }, -1));
            Assert.Equal(Shape.Of(15, 3), ShapeOps.Concatenate(new[] { Shape.Of(5, 3), Shape.Of(5, 3), Shape.Of(5, 3) }, 0));
            Assert.Equal(Shape.Of(Dim.Of(5), Dim.Unknown), ShapeOps.Concatenate(new[] { Shape.Of(5, 3), Shape.Of(Dim.Of(5), N) }, 1));
            Assert.Equal(Shape.Of(Dim.Of(10), N), ShapeOps.Concatenate(new[] { Shape.Of(Dim.Of(5), N), Shape.Of(Dim.Of(5), N) }, 0));
        }

        [Fact]
        public void ConcatenateOfDifferentRanksOrOutOfRangeIsAnUnknownRank()
        {
            Assert.False(ShapeOps.Concatenate(new[] { Shape.Of(5, 3), Shape.Of(5, 3, 1) }, 0).IsRankKnown);
            Assert.False(ShapeOps.Concatenate(new[] { Shape.Of(5, 3), Shape.UnknownRank }, 0).IsRankKnown);
            Assert.False(ShapeOps.Concatenate(new[] { Shape.Of(5, 3), Shape.Of(5, 3) }, 2).IsRankKnown);
            Assert.False(ShapeOps.Concatenate(Array.Empty<Shape>(), 0).IsRankKnown);
        }

        [Fact]
        public void StackAddsADimensionOfTheTensorCount()
        {
            Assert.Equal(Shape.Of(2, 3, 10), ShapeOps.Stack(new[] { Shape.Of(3, 10), Shape.Of(3, 10) }, 0));
            Assert.Equal(Shape.Of(3, 2, 10), ShapeOps.Stack(new[] { Shape.Of(3, 10), Shape.Of(3, 10) }, 1));
            Assert.Equal(Shape.Of(3, 10, 3), ShapeOps.Stack(new[] { Shape.Of(3, 10), Shape.Of(3, 10), Shape.Of(3, 10) }, -1));
            Assert.Equal(Shape.Of(3, 3, 10), ShapeOps.Stack(new[] { Shape.Of(3, 10), Shape.Of(3, 10), Shape.Of(3, 10) }, -3));
            Assert.False(ShapeOps.Stack(new[] { Shape.Of(3, 10), Shape.Of(3, 10) }, 3).IsRankKnown);
            Assert.False(ShapeOps.Stack(new[] { Shape.Of(3, 10), Shape.Of(3) }, 0).IsRankKnown);
            Assert.False(ShapeOps.Stack(Array.Empty<Shape>(), 0).IsRankKnown);
        }

        [Fact]
        public void ExpandKeepsMinusOneAndAddsLeadingDimensions()
        {
            Assert.Equal(Shape.Of(5, 3, 10), ShapeOps.Expand(Shape.Of(1, 1, 10), Sizes(5, 3, -1)));
            Assert.Equal(Shape.Of(5, 3, 10), ShapeOps.Expand(Shape.Of(10), Sizes(5, 3, 10)));
            Assert.Equal(Shape.Of(Dim.Of(5), N), ShapeOps.Expand(Shape.Of(Dim.Of(1), N), Sizes(5, -1)));
            Assert.Equal(Shape.Of(Dim.Unknown, Dim.Of(10)), ShapeOps.Expand(Shape.Of(10), Sizes(-1, -1)));
            Assert.False(ShapeOps.Expand(Shape.Of(1, 1, 10), Sizes(5, 10)).IsRankKnown);
            Assert.False(ShapeOps.Expand(Shape.UnknownRank, Sizes(5, 10)).IsRankKnown);
        }

        [Fact]
        public void LayerOutputsReplaceOrAppendTheLastDimension()
        {
            Assert.Equal(Shape.Of(5, 3, 12), ShapeOps.ReplaceLast(Shape.Of(5, 3, 7), Dim.Of(12)));
            Assert.Equal(Shape.Of(Dim.Of(5), N), ShapeOps.ReplaceLast(Shape.Of(5, 7), N));
            Assert.False(ShapeOps.ReplaceLast(Shape.Of(Array.Empty<long>()), Dim.Of(12)).IsRankKnown);
            Assert.Equal(Shape.Of(7, 4, 32), ShapeOps.Append(Shape.Of(7, 4), Dim.Of(32)));
            Assert.Equal(Shape.Of(32), ShapeOps.Append(Shape.Of(Array.Empty<long>()), Dim.Of(32)));
            Assert.False(ShapeOps.Append(Shape.UnknownRank, Dim.Of(32)).IsRankKnown);
        }

        private static Dim[] Sizes(params long[] sizes) => Array.ConvertAll(sizes, Dim.Of);

        private static TensorIndexKind[] Kinds(params TensorIndexKind[] kinds) => kinds;
    }
}
