using RnnShapeAnalyzers.ShapeRules;
using TorchSharp;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.Runtime
{
    /// <summary>
    /// The last call a checked layer accepted: the weight it was checked against, that weight's dtype and
    /// device, and every size, dtype and device of the tensors. A training loop repeats the same shapes
    /// thousands of times; a call that matches in every one of those values gets the same verdict from the
    /// rules, so it is accepted after reading them, without running the rules again. Any difference runs
    /// the full check. Immutable, so threads sharing a module can share it.
    /// </summary>
    internal sealed class AcceptedCall
    {
        private readonly Tensor _parameter;
        private readonly ScalarType _dtype;
        private readonly DeviceType _deviceType;
        private readonly int _deviceIndex;
        private readonly long[] _input;
        private readonly long[]? _hidden;
        private readonly long[]? _cell;

        public AcceptedCall(Tensor parameter, ScalarType dtype, DeviceType deviceType, int deviceIndex, Shape input, Shape? hidden, Shape? cell, RecurrentCallCheck check)
        {
            _parameter = parameter;
            _dtype = dtype;
            _deviceType = deviceType;
            _deviceIndex = deviceIndex;
            _input = Sizes(input);
            _hidden = hidden is null ? null : Sizes(hidden);
            _cell = cell is null ? null : Sizes(cell);
            Check = check;
        }

        /// <summary>What the rules said about the accepted call.</summary>
        public RecurrentCallCheck Check { get; }

        public bool Matches(Tensor parameter, Tensor? input, Tensor? hidden, Tensor? cell)
        {
            if (!ReferenceEquals(parameter, _parameter) || parameter.IsInvalid || parameter.dtype != _dtype || !OnDevice(parameter))
            {
                return false;
            }

            return Same(input, _input) && Same(hidden, _hidden) && Same(cell, _cell);
        }

        private bool Same(Tensor? tensor, long[]? sizes)
        {
            if (tensor is null || sizes is null)
            {
                return tensor is null && sizes is null;
            }

            if (tensor.IsInvalid || tensor.Dimensions != sizes.Length || tensor.dtype != _dtype || !OnDevice(tensor))
            {
                return false;
            }

            for (var i = 0; i < sizes.Length; i++)
            {
                if (tensor.size(i) != sizes[i])
                {
                    return false;
                }
            }

            return true;
        }

        private bool OnDevice(Tensor tensor)
        {
            var (type, index) = TensorFacts.DeviceOf(tensor);
            return type == _deviceType && index == _deviceIndex;
        }

        private static long[] Sizes(Shape shape)
        {
            var sizes = new long[shape.Rank];
            for (var i = 0; i < sizes.Length; i++)
            {
                sizes[i] = shape[i].Value;
            }

            return sizes;
        }
    }
}
