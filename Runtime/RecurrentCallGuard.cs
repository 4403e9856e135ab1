using System;
using System.Collections.Generic;
using System.Threading;
using RnnShapeAnalyzers.ShapeRules;
using TorchSharp;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.Runtime
{
    /// <summary>
    /// The check every checked layer runs before its forward: null and disposed tensors first, then the
    /// shared shape rules, then dtype and device against the layer's parameters. The first problem is
    /// thrown as an <see cref="RnnShapeException"/> (or ArgumentNullException/ObjectDisposedException),
    /// so no native error escapes for a condition the rules cover. A wrong feature size in an input that
    /// a checked layer returned is reported as the layer-chaining rule that names that layer.
    /// </summary>
    internal static class RecurrentCallGuard
    {
        /// <summary>
        /// Checks a call. <paramref name="lastAccepted"/> is the layer's memory of its last accepted call:
        /// a call identical in every size, dtype and device is accepted without running the rules again.
        /// </summary>
        public static RecurrentCallCheck Check(RecurrentLayerSpec spec, Tensor parameter, ref AcceptedCall? lastAccepted, Tensor? input, Tensor? hidden, Tensor? cell)
        {
            var last = Volatile.Read(ref lastAccepted);
            if (last is not null && last.Matches(parameter, input, hidden, cell))
            {
                return last.Check;
            }

            var inputFacts = TensorFacts.Of(input, "input");
            var hiddenFacts = TensorFacts.OfOptional(hidden, "h0");
            var cellFacts = TensorFacts.OfOptional(cell, "c0");
            if (spec.Kind.HasCellState() && (hiddenFacts is null) != (cellFacts is null))
            {
                var missing = hiddenFacts is null ? "h0" : "c0";
                throw new ArgumentNullException(missing, $"{spec.Kind.DisplayName()} takes its state as a pair (h0, c0): pass both tensors or none (null), not only one.");
            }

            var check = RecurrentShapeRules.CheckCall(spec, inputFacts.Shape, hiddenFacts?.Shape, cellFacts?.Shape);
            if (check.Violations.Count > 0 && check.Violations[0].RuleId == RuleIds.InputFeatureSize && LayerChainFailures.ForRecurrentInput(spec, input) is { } chain)
            {
                // The input came from a checked layer: name it, and say which inputSize to set.
                throw new RnnShapeException(chain, chain.OperandName);
            }

            ThrowFirst(check.Violations);
            var (dtype, deviceType, deviceIndex) = CheckPlacement(spec, parameter, inputFacts, hiddenFacts, cellFacts);
            Volatile.Write(ref lastAccepted, new AcceptedCall(parameter, dtype, deviceType, deviceIndex, inputFacts.Shape, hiddenFacts?.Shape, cellFacts?.Shape, check));
            return check;
        }

        /// <summary>
        /// A packed sequence is time-major data (total steps, features) with its batch in
        /// <c>batch_sizes[0]</c>; the rules check it as a (?, batch, features) input, whatever batchFirst is.
        /// </summary>
        public static void CheckPacked(RecurrentLayerSpec spec, Tensor parameter, nn.utils.rnn.PackedSequence? input, Tensor? hidden, Tensor? cell)
        {
            if (input is null)
            {
                throw new ArgumentNullException(nameof(input));
            }

            var data = TensorFacts.Of(input.data, "input");
            var batchSizes = TensorFacts.Of(input.batch_sizes, "input");
            var batch = batchSizes.Shape.Rank == 1 && batchSizes.Shape[0].Value > 0 ? Dim.Of(input.batch_sizes[0].item<long>()) : Dim.Unknown;
            var asInput = data.Shape.Rank == 2 ? Shape.Of(Dim.Unknown, batch, data.Shape[1]) : data.Shape;
            var hiddenFacts = TensorFacts.OfOptional(hidden, "h0");
            var cellFacts = TensorFacts.OfOptional(cell, "c0");
            ThrowFirst(RecurrentShapeRules.CheckCall(spec.WithBatchFirst(false), asInput, hiddenFacts?.Shape, cellFacts?.Shape).Violations);
            CheckPlacement(spec, parameter, data, hiddenFacts, cellFacts);
        }

        /// <summary>RNN005 and RNN006; the names the rules compare are only built when something differs.</summary>
        private static (ScalarType DType, DeviceType DeviceType, int DeviceIndex) CheckPlacement(RecurrentLayerSpec spec, Tensor parameter, TensorFacts inputFacts, TensorFacts? hiddenFacts, TensorFacts? cellFacts)
        {
            var dtype = parameter.dtype;
            if (inputFacts.DType != dtype || (hiddenFacts is { } h && h.DType != dtype) || (cellFacts is { } c && c.DType != dtype))
            {
                ThrowFirst(ElementTypeRules.CheckElementTypes(spec.Kind, dtype.ToString(), inputFacts.DTypeName, hiddenFacts?.DTypeName, cellFacts?.DTypeName));
            }

            var (deviceType, deviceIndex) = TensorFacts.DeviceOf(parameter);
            if (!inputFacts.IsOnDevice(deviceType, deviceIndex) || (hiddenFacts is { } hd && !hd.IsOnDevice(deviceType, deviceIndex)) || (cellFacts is { } cd && !cd.IsOnDevice(deviceType, deviceIndex)))
            {
                var parameterDevice = new Device(deviceType, deviceIndex).ToString();
                ThrowFirst(ElementTypeRules.CheckDevices(spec.Kind, parameterDevice, inputFacts.DeviceName, hiddenFacts?.DeviceName, cellFacts?.DeviceName));
            }

            return (dtype, deviceType, deviceIndex);
        }

        private static void ThrowFirst(IReadOnlyList<ShapeViolation> violations)
        {
            if (violations.Count > 0)
            {
                var violation = violations[0];
                throw new RnnShapeException(violation, violation.OperandName);
            }
        }
    }
}
