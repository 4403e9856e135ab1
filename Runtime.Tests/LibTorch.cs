using System;
using System.Linq;
using RnnShapeAnalyzers.ShapeRules;
using TorchSharp;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.Runtime.Tests
{
    /// <summary>Helpers to run a real TorchSharp call and read what happened.</summary>
    internal static class LibTorch
    {
        /// <summary>The first line of libtorch's message when <paramref name="action"/> throws, or null when it runs.</summary>
        public static string? ErrorOf(Action action)
        {
            try
            {
                using var scope = torch.NewDisposeScope();
                action();
                return null;
            }
            catch (Exception e) when (e is System.Runtime.InteropServices.ExternalException or IndexOutOfRangeException or NullReferenceException)
            {
                return e.Message.Split('\n')[0].Trim();
            }
        }

        public static Shape ShapeOf(Tensor tensor) => Shape.Of(tensor.shape);

        public static Tensor Make(Shape shape, ScalarType dtype = ScalarType.Float32)
            => torch.randn(shape.Dims.Select(d => d.Value).ToArray(), dtype: dtype);
    }
}
