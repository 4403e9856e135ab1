using System;
using RnnShapeAnalyzers.ShapeRules;
using TorchSharp;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.Runtime
{
    /// <summary>What the rules need of a live tensor, read once, with clear errors for null and disposed tensors.</summary>
    internal readonly struct TensorFacts
    {
        private TensorFacts(Shape shape, ScalarType dtype, string device)
        {
            Shape = shape;
            DType = dtype;
            Device = device;
        }

        public Shape Shape { get; }

        public ScalarType DType { get; }

        public string Device { get; }

        public string DTypeName => DType.ToString();

        /// <summary>Reads a tensor that must be present.</summary>
        public static TensorFacts Of(Tensor? tensor, string paramName)
        {
            if (tensor is null)
            {
                throw new ArgumentNullException(paramName, $"{paramName} is null; a recurrent layer needs a tensor here.");
            }

            if (tensor.IsInvalid)
            {
                throw new ObjectDisposedException(paramName, $"{paramName} was disposed (its native handle is gone); keep it alive until the recurrent call returns, e.g. outside the DisposeScope that owned it.");
            }

            return new TensorFacts(Shape.Of(tensor.shape), tensor.dtype, tensor.device.ToString());
        }

        /// <summary>Reads an optional tensor: null stays null.</summary>
        public static TensorFacts? OfOptional(Tensor? tensor, string paramName) => tensor is null ? null : Of(tensor, paramName);
    }
}
