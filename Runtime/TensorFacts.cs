using System;
using System.Diagnostics.CodeAnalysis;
using RnnShapeAnalyzers.ShapeRules;
using TorchSharp;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.Runtime
{
    /// <summary>What the rules need of a live tensor, read once, with clear errors for null and disposed tensors.</summary>
    internal readonly struct TensorFacts
    {
        private TensorFacts(Shape shape, ScalarType dtype, DeviceType deviceType, int deviceIndex)
        {
            Shape = shape;
            DType = dtype;
            DeviceType = deviceType;
            DeviceIndex = deviceIndex;
        }

        public Shape Shape { get; }

        public ScalarType DType { get; }

        public DeviceType DeviceType { get; }

        public int DeviceIndex { get; }

        public string DTypeName => DType.ToString();

        /// <summary>The device as TorchSharp names it: <c>cpu</c>, <c>cuda:0</c>.</summary>
        public string DeviceName => new Device(DeviceType, DeviceIndex).ToString();

        /// <summary>Reads a tensor that must be present.</summary>
        public static TensorFacts Of([NotNull] Tensor? tensor, string paramName)
        {
            RequireLive(tensor, paramName);
            var (deviceType, deviceIndex) = DeviceOf(tensor);
            return new TensorFacts(ShapeOf(tensor), tensor.dtype, deviceType, deviceIndex);
        }

        /// <summary>Throws <see cref="ArgumentNullException"/> for null and <see cref="ObjectDisposedException"/> for a disposed tensor.</summary>
        public static void RequireLive([NotNull] Tensor? tensor, string paramName)
        {
            if (tensor is null)
            {
                throw new ArgumentNullException(paramName, $"{paramName} is null; a checked layer needs a tensor here.");
            }

            if (tensor.IsInvalid)
            {
                throw new ObjectDisposedException(paramName, $"{paramName} was disposed (its native handle is gone); keep it alive until the checked call returns, e.g. outside the DisposeScope that owned it.");
            }
        }

        /// <summary>Reads an optional tensor: null stays null.</summary>
        public static TensorFacts? OfOptional(Tensor? tensor, string paramName) => tensor is null ? null : Of(tensor, paramName);

        /// <summary>
        /// The shape through <c>Dimensions</c> and <c>size(i)</c>: plain native calls. TorchSharp 0.107's
        /// <c>tensor.shape</c> marshals a fresh callback on every read and costs about ten times more
        /// (Benchmarks/README.md), which matters next to a tiny cell's forward.
        /// </summary>
        public static Shape ShapeOf(Tensor tensor)
        {
            var rank = (int)tensor.Dimensions;
            var dims = new Dim[rank];
            for (var i = 0; i < rank; i++)
            {
                dims[i] = Dim.Of(tensor.size(i));
            }

            return Shape.Of(dims);
        }

        /// <summary>The device type, and the index only where it means something (CUDA), without building a Device.</summary>
        public static (DeviceType Type, int Index) DeviceOf(Tensor tensor)
        {
            var type = tensor.device_type;
            return (type, type == DeviceType.CUDA ? tensor.device.index : -1);
        }

        public bool IsOnDevice(DeviceType type, int index) => DeviceType == type && DeviceIndex == index;
    }
}
