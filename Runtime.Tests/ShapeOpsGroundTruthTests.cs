using System;
using System.Collections.Generic;
using System.Linq;
using RnnShapeAnalyzers.ShapeRules;
using TorchSharp;
using Xunit;
using static RnnShapeAnalyzers.Runtime.Tests.LibTorch;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.Runtime.Tests
{
    /// <summary>
    /// ShapeOps next to the TorchSharp method it stands for, on real tensors: the shape it computes is the
    /// shape libtorch returns, and where it gives an unknown rank for a dimension out of range, libtorch throws.
    /// </summary>
    public sealed class ShapeOpsGroundTruthTests
    {
        private static readonly Dictionary<string, (long[] Input, Func<Tensor, Tensor> Real, Func<Shape, Shape> Model)> Cases = new()
        {
            ["transpose(0, 1)"] = (new long[] { 32, 10, 8 }, t => t.transpose(0, 1), s => ShapeOps.Transpose(s, 0, 1)),
            ["transpose(-1, -3)"] = (new long[] { 32, 10, 8 }, t => t.transpose(-1, -3), s => ShapeOps.Transpose(s, -1, -3)),
            ["permute(2, 0, 1)"] = (new long[] { 8, 40, 100 }, t => t.permute(2, 0, 1), s => ShapeOps.Permute(s, new long[] { 2, 0, 1 })),
            ["permute(0, -1, -2)"] = (new long[] { 8, 40, 100 }, t => t.permute(0, -1, -2), s => ShapeOps.Permute(s, new long[] { 0, -1, -2 })),
            ["unsqueeze(1)"] = (new long[] { 5, 10 }, t => t.unsqueeze(1), s => ShapeOps.Unsqueeze(s, 1)),
            ["unsqueeze(-1)"] = (new long[] { 5, 10 }, t => t.unsqueeze(-1), s => ShapeOps.Unsqueeze(s, -1)),
            ["unsqueeze(-3)"] = (new long[] { 5, 10 }, t => t.unsqueeze(-3), s => ShapeOps.Unsqueeze(s, -3)),
            ["squeeze(2)"] = (new long[] { 5, 3, 1, 10 }, t => t.squeeze(2), s => ShapeOps.Squeeze(s, 2)),
            ["squeeze(1) of a 3"] = (new long[] { 5, 3, 1, 10 }, t => t.squeeze(1), s => ShapeOps.Squeeze(s, 1)),
            ["squeeze()"] = (new long[] { 1, 5, 1, 10, 1 }, t => t.squeeze(), s => ShapeOps.Squeeze(s, null)),
            ["view(-1, 3, 10)"] = (new long[] { 4, 6, 10 }, t => t.view(-1, 3, 10), s => ShapeOps.Reshape(s, Sizes(-1, 3, 10))),
            ["reshape(8, -1, 10)"] = (new long[] { 4, 6, 10 }, t => t.reshape(8, -1, 10), s => ShapeOps.Reshape(s, Sizes(8, -1, 10))),
            ["flatten()"] = (new long[] { 5, 3, 2, 5 }, t => t.flatten(), s => ShapeOps.Flatten(s, 0, -1)),
            ["flatten(1, 2)"] = (new long[] { 5, 3, 2, 5 }, t => t.flatten(1, 2), s => ShapeOps.Flatten(s, 1, 2)),
            ["flatten(-2)"] = (new long[] { 5, 3, 2, 5 }, t => t.flatten(-2), s => ShapeOps.Flatten(s, -2, -1)),
            ["flatten() of a scalar"] = (Array.Empty<long>(), t => t.flatten(), s => ShapeOps.Flatten(s, 0, -1)),
            ["T of 3-D"] = (new long[] { 5, 3, 10 }, t => t.T, ShapeOps.Reverse),
            ["mT"] = (new long[] { 5, 3, 10 }, t => t.mT, s => ShapeOps.Transpose(s, -2, -1)),
            ["narrow(2, 2, 8)"] = (new long[] { 10, 3, 12 }, t => t.narrow(2, 2, 8), s => ShapeOps.Narrow(s, 2, Dim.Of(8))),
            ["narrow(-3, 1, 4)"] = (new long[] { 10, 3, 12 }, t => t.narrow(-3, 1, 4), s => ShapeOps.Narrow(s, -3, Dim.Of(4))),
            ["select(2, 0)"] = (new long[] { 2, 5, 3, 10 }, t => t.select(2, 0), s => ShapeOps.Select(s, 2)),
            ["select(-1, 0)"] = (new long[] { 2, 5, 3, 10 }, t => t.select(-1, 0), s => ShapeOps.Select(s, -1)),
            ["[.., -1, ..]"] = (new long[] { 4, 7, 40 }, t => t[.., -1, ..], s => ShapeOps.Index(s, new[] { TensorIndexKind.FullSlice, TensorIndexKind.Integer, TensorIndexKind.FullSlice })),
            ["[-1]"] = (new long[] { 2, 4, 20 }, t => t[-1], s => ShapeOps.Index(s, new[] { TensorIndexKind.Integer })),
            ["[None, Ellipsis]"] = (new long[] { 5, 10 }, t => t[TensorIndex.None, TensorIndex.Ellipsis], s => ShapeOps.Index(s, new[] { TensorIndexKind.NewAxis, TensorIndexKind.Ellipsis })),
            ["[Ellipsis, 0]"] = (new long[] { 5, 3, 10 }, t => t[TensorIndex.Ellipsis, 0], s => ShapeOps.Index(s, new[] { TensorIndexKind.Ellipsis, TensorIndexKind.Integer })),
            ["[Colon, None, Ellipsis, None]"] = (new long[] { 2, 3, 4 }, t => t[TensorIndex.Colon, TensorIndex.None, TensorIndex.Ellipsis, TensorIndex.None], s => ShapeOps.Index(s, new[] { TensorIndexKind.FullSlice, TensorIndexKind.NewAxis, TensorIndexKind.Ellipsis, TensorIndexKind.NewAxis })),
            ["cat(dim: -1)"] = (new long[] { 5, 3, 4 }, t => torch.cat([t, t, t], -1), s => ShapeOps.Concatenate(new[] { s, s, s }, -1)),
            ["stack(dim: 1)"] = (new long[] { 3, 10 }, t => torch.stack([t, t], 1), s => ShapeOps.Stack(new[] { s, s }, 1)),
            ["stack(dim: -1)"] = (new long[] { 3, 10 }, t => torch.stack([t, t], -1), s => ShapeOps.Stack(new[] { s, s }, -1)),
            ["expand(5, 3, -1)"] = (new long[] { 1, 1, 10 }, t => t.expand(5, 3, -1), s => ShapeOps.Expand(s, Sizes(5, 3, -1))),
            ["expand(5, 3, 10) of 1-D"] = (new long[] { 10 }, t => t.expand(5, 3, 10), s => ShapeOps.Expand(s, Sizes(5, 3, 10))),
        };

        private static readonly Dictionary<string, (long[] Input, Action<Tensor> Real, Func<Shape, Shape> Model)> OutOfRange = new()
        {
            ["transpose(0, 3)"] = (new long[] { 5, 3, 7 }, t => t.transpose(0, 3), s => ShapeOps.Transpose(s, 0, 3)),
            ["unsqueeze(4)"] = (new long[] { 5, 3, 7 }, t => t.unsqueeze(4), s => ShapeOps.Unsqueeze(s, 4)),
            ["squeeze(3)"] = (new long[] { 5, 3, 7 }, t => t.squeeze(3), s => ShapeOps.Squeeze(s, 3)),
            ["permute(0, 0, 2)"] = (new long[] { 5, 3, 7 }, t => t.permute(0, 0, 2), s => ShapeOps.Permute(s, new long[] { 0, 0, 2 })),
            ["permute(0, 1)"] = (new long[] { 5, 3, 7 }, t => t.permute(0, 1), s => ShapeOps.Permute(s, new long[] { 0, 1 })),
            ["narrow(-4, 0, 1)"] = (new long[] { 5, 3, 7 }, t => t.narrow(-4, 0, 1), s => ShapeOps.Narrow(s, -4, Dim.Of(1))),
            ["select(3, 0)"] = (new long[] { 5, 3, 7 }, t => t.select(3, 0), s => ShapeOps.Select(s, 3)),
            ["flatten(2, 1)"] = (new long[] { 5, 3, 7 }, t => t.flatten(2, 1), s => ShapeOps.Flatten(s, 2, 1)),
            ["[0, 0, 0, 0]"] = (new long[] { 5, 3, 7 }, t => _ = t[0, 0, 0, 0], s => ShapeOps.Index(s, new[] { TensorIndexKind.Integer, TensorIndexKind.Integer, TensorIndexKind.Integer, TensorIndexKind.Integer })),
            ["view(-1, -1, 7)"] = (new long[] { 5, 3, 7 }, t => t.view(-1, -1, 7), s => ShapeOps.Reshape(s, Sizes(-1, -1, 7))),
            ["cat of ranks 3 and 2"] = (new long[] { 5, 3, 7 }, t => torch.cat([t, t[0]], 0), s => ShapeOps.Concatenate(new[] { s, ShapeOps.Select(s, 0) }, 0)),
            ["stack(dim: 3) of 2-D"] = (new long[] { 3, 7 }, t => torch.stack([t, t], 3), s => ShapeOps.Stack(new[] { s, s }, 3)),
        };

        public static TheoryData<string> CaseNames => new(Cases.Keys);

        public static TheoryData<string> OutOfRangeNames => new(OutOfRange.Keys);

        [Theory]
        [MemberData(nameof(CaseNames))]
        public void ShapeIsTheOneLibTorchReturns(string name)
        {
            var (input, real, model) = Cases[name];
            using var scope = torch.NewDisposeScope();
            var expected = ShapeOf(real(torch.randn(input)));
            Assert.Equal(expected, model(Shape.Of(input)));
        }

        /// <summary>A slice other than <c>..</c> keeps the dimension; its size depends on values ShapeOps is not given.</summary>
        [Fact]
        public void PartialSliceKeepsTheDimensionWithAnUnknownSize()
        {
            using var scope = torch.NewDisposeScope();
            var real = ShapeOf(torch.randn(2, 4, 20)[1..]);
            var model = ShapeOps.Index(Shape.Of(2, 4, 20), new[] { TensorIndexKind.PartialSlice });
            Assert.Equal(Shape.Of(1, 4, 20), real);
            Assert.Equal(Shape.Of(Dim.Unknown, Dim.Of(4), Dim.Of(20)), model);
        }

        [Theory]
        [MemberData(nameof(OutOfRangeNames))]
        public void UnknownRankWhereLibTorchThrows(string name)
        {
            var (input, real, model) = OutOfRange[name];
            Assert.NotNull(ErrorOf(() => real(torch.randn(input))));
            Assert.False(model(Shape.Of(input)).IsRankKnown);
        }

        private static Dim[] Sizes(params long[] sizes) => sizes.Select(Dim.Of).ToArray();
    }
}
