using System;
using RnnShapeAnalyzers.ShapeRules;
using TorchSharp;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.Benchmarks
{
    /// <summary>
    /// Measuring aids for the optimization proposals in README.md, not replacements for the runtime's
    /// guard: each does the work of <c>RecurrentCallGuard.Check</c> on a valid call in a cheaper way, so
    /// the benchmarks can say how much a change would save before anybody makes it in Runtime/.
    /// </summary>
    internal static class GuardPrototypes
    {
        /// <summary>
        /// A tensor's shape without <c>tensor.shape</c>: TorchSharp 0.107 builds that array through a
        /// managed callback (a fresh delegate marshalled to native code on every call), while
        /// <c>Dimensions</c> and <c>size(i)</c> are plain P/Invokes.
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

        /// <summary>True when <paramref name="tensor"/> has exactly the sizes <paramref name="sizes"/>; allocates nothing.</summary>
        public static bool HasSizes(Tensor tensor, long[] sizes)
        {
            if (tensor.Dimensions != sizes.Length)
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

        /// <summary>
        /// Proposal 1 alone: the runtime guard's steps in its order (null and disposed tensors, shape
        /// rules, dtype, device), with shapes read by <see cref="ShapeOf"/>. A violation throws
        /// <see cref="InvalidOperationException"/> here (the runtime's exception type is internal).
        /// </summary>
        public static RecurrentCallCheck CheaperShapeReads(RecurrentLayerSpec spec, Tensor parameter, Tensor input, Tensor? hidden, Tensor? cell)
        {
            var inputShape = ShapeOf(Live(input));
            var hiddenShape = hidden is null ? null : ShapeOf(Live(hidden));
            var cellShape = cell is null ? null : ShapeOf(Live(cell));
            var check = RecurrentShapeRules.CheckCall(spec, inputShape, hiddenShape, cellShape);
            ThrowFirst(check.Violations);

            var parameterType = parameter.dtype.ToString();
            ThrowFirst(ElementTypeRules.CheckElementTypes(spec.Kind, parameterType, input.dtype.ToString(), hidden?.dtype.ToString(), cell?.dtype.ToString()));

            var parameterDevice = parameter.device.ToString();
            ThrowFirst(ElementTypeRules.CheckDevices(spec.Kind, parameterDevice, input.device.ToString(), hidden?.device.ToString(), cell?.device.ToString()));
            return check;
        }

        private static Tensor Live(Tensor tensor) => tensor.IsInvalid ? throw new ObjectDisposedException(nameof(tensor)) : tensor;

        private static void ThrowFirst(System.Collections.Generic.IReadOnlyList<ShapeViolation> violations)
        {
            if (violations.Count > 0)
            {
                throw new InvalidOperationException(violations[0].ToString());
            }
        }
    }

    /// <summary>
    /// Proposal 2, measured: a checked module remembers the last call it accepted. A call whose tensors
    /// have the same sizes, dtype and device as that one, on the same live weight, is accepted after
    /// the reads alone (no rules, no strings, no allocation); anything else runs the full guard, and
    /// only an accepted call is remembered. Written for a cell called with its state (two tensors).
    /// </summary>
    internal sealed class CachedSignatureGuardPrototype
    {
        private readonly Func<RecurrentLayerSpec, Tensor, Tensor?, Tensor?, Tensor?, RecurrentCallCheck> _guard;
        private RecurrentLayerSpec? _spec;
        private Tensor? _weight;
        private long[] _input = Array.Empty<long>();
        private long[] _hidden = Array.Empty<long>();
        private ScalarType _dtype;
        private DeviceType _deviceType;
        private int _deviceIndex;

        public CachedSignatureGuardPrototype(Func<RecurrentLayerSpec, Tensor, Tensor?, Tensor?, Tensor?, RecurrentCallCheck> guard) => _guard = guard;

        public bool Check(RecurrentLayerSpec spec, Tensor weight, Tensor input, Tensor hidden)
        {
            if (ReferenceEquals(spec, _spec) && ReferenceEquals(weight, _weight) && !weight.IsInvalid
                && !input.IsInvalid && !hidden.IsInvalid
                && input.dtype == _dtype && hidden.dtype == _dtype
                && input.device_type == _deviceType && hidden.device_type == _deviceType
                && (_deviceType == DeviceType.CPU || (input.device_index == _deviceIndex && hidden.device_index == _deviceIndex))
                && GuardPrototypes.HasSizes(input, _input) && GuardPrototypes.HasSizes(hidden, _hidden))
            {
                return true;
            }

            var check = _guard(spec, weight, input, hidden, null); // throws on a violation, as the runtime does
            _spec = spec;
            _weight = weight;
            _input = input.shape;
            _hidden = hidden.shape;
            _dtype = weight.dtype;
            _deviceType = weight.device_type;
            _deviceIndex = weight.device_index;
            return check.IsValid;
        }
    }
}
