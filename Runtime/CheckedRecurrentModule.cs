using System;
using System.Collections.Generic;
using System.Linq;
using RnnShapeAnalyzers.ShapeRules;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using Module = TorchSharp.torch.nn.Module;

namespace RnnShapeAnalyzers.Runtime
{
    /// <summary>
    /// The common part of the six checked layers: a module with the same signature as the TorchSharp
    /// module it wraps, which checks every call with the shared shape rules and then runs the real module.
    /// </summary>
    /// <remarks>
    /// The real module is held in a field and never registered as a child, so parameter names are the
    /// plain module's (<c>weight_ih_l0</c>, not <c>inner.weight_ih_l0</c>): weights saved from a plain
    /// layer load into a checked one and back. Every virtual member through which TorchSharp reaches a
    /// module's state (parents, <c>to</c>, save/load, optimizers, train/eval, Dispose) is delegated to
    /// the real module. Members that are not virtual in TorchSharp (save, call) end in these.
    /// </remarks>
    public abstract class CheckedRecurrentModule<TInner, T1, T2, TResult> : nn.Module<T1, T2, TResult>
        where TInner : nn.Module<T1, T2, TResult>
    {
        private readonly TInner _inner;
        private readonly RecurrentOutputOrigin _outputOrigin;
        private readonly RecurrentOutputOrigin _stateOrigin;
        private Parameter? _referenceParameter;
        private AcceptedCall? _lastAccepted;

        private protected CheckedRecurrentModule(TInner inner, RecurrentLayerSpec spec)
            : base((inner ?? throw new ArgumentNullException(nameof(inner))).GetName())
        {
            _inner = inner;
            Spec = spec;
            _outputOrigin = new RecurrentOutputOrigin(spec, RecurrentOutputPart.Output);
            _stateOrigin = new RecurrentOutputOrigin(spec, RecurrentOutputPart.FinalHiddenSlice);
        }

        /// <summary>The real TorchSharp module this one checks and runs.</summary>
        public TInner Inner => _inner;

        /// <summary>The configuration the checks use.</summary>
        public RecurrentLayerSpec Spec { get; }

        /// <summary>Checks a call, fills in the cell state TorchSharp 0.107 would not, and returns what the rules predict.</summary>
        private protected RecurrentCallCheck Check(Tensor? input, Tensor? hidden, Tensor? cell)
            => RecurrentCallGuard.Check(Spec, ReferenceParameter(), ref _lastAccepted, input, hidden, cell);

        /// <summary>Checks a call on a packed sequence.</summary>
        private protected void CheckPacked(nn.utils.rnn.PackedSequence? input, Tensor? hidden, Tensor? cell)
            => RecurrentCallGuard.CheckPacked(Spec, ReferenceParameter(), input, hidden, cell);

        /// <summary>
        /// Records the call in the shape trace when somebody listens, reading shapes with the cheap
        /// native calls (a cell's output and new hidden state are one tensor, read once).
        /// </summary>
        private protected void Trace(RecurrentCallCheck check, Tensor input, Tensor? hidden, Tensor? cell, Tensor output, Tensor hiddenOut, Tensor? cellOut)
        {
            if (RnnShapeTrace.IsEnabled)
            {
                var outputShape = TensorFacts.ShapeOf(output);
                RnnShapeTrace.Record(new RecurrentCallTrace(
                    Spec,
                    TensorFacts.ShapeOf(input),
                    hidden is null ? null : TensorFacts.ShapeOf(hidden),
                    cell is null ? null : TensorFacts.ShapeOf(cell),
                    outputShape,
                    ReferenceEquals(hiddenOut, output) ? outputShape : TensorFacts.ShapeOf(hiddenOut),
                    cellOut is null ? null : TensorFacts.ShapeOf(cellOut)));
            }
        }

        /// <summary>
        /// Remembers that this layer returned these tensors, so that a checked layer that reads one with
        /// the wrong feature size names this one (RNN009, RNN010). A cell's new hidden state is its output.
        /// </summary>
        private protected void Remember(Tensor output, Tensor hiddenOut, Tensor? cellOut)
        {
            TensorProvenance.Remember(output, _outputOrigin);
            if (!ReferenceEquals(hiddenOut, output))
            {
                TensorProvenance.Remember(hiddenOut, _stateOrigin);
            }

            if (cellOut is not null)
            {
                TensorProvenance.Remember(cellOut, _stateOrigin);
            }
        }

        /// <summary>
        /// Zeros for an omitted cell state, shaped (batch, hiddenSize) or (hiddenSize) like the input,
        /// with the input's dtype and device: what PyTorch does and TorchSharp 0.107 does not.
        /// </summary>
        private protected Tensor? ZeroStateFor(Tensor? input)
        {
            if (input is null || input.IsInvalid || input.Dimensions is not (1 or 2) || !Spec.HiddenSize.IsKnown)
            {
                return null;
            }

            var shape = input.Dimensions == 2 ? new[] { input.shape[0], Spec.HiddenSize.Value } : new[] { Spec.HiddenSize.Value };
            return torch.zeros(shape, dtype: input.dtype, device: input.device);
        }

        // The dtype and device the rules compare against: one of the real module's weights.
        private Parameter ReferenceParameter()
        {
            var parameter = _referenceParameter;
            if (parameter is null || parameter.IsInvalid)
            {
                parameter = _inner.named_parameters(recurse: false).Select(p => p.parameter).FirstOrDefault()
                    ?? throw new ObjectDisposedException(GetType().Name, $"The {Spec.Kind.DisplayName()} has no parameters left; was it disposed?");
                _referenceParameter = parameter;
            }

            return parameter;
        }

        /// <inheritdoc/>
        protected override void RegisterComponents()
        {
            // A parent's register_module calls this; the default would register the real module as a
            // child named after the field, and every parameter name would change.
        }

        /// <inheritdoc/>
        public override IEnumerable<(string name, Parameter parameter)> named_parameters(bool recurse = true) => _inner.named_parameters(recurse);

        /// <inheritdoc/>
        public override IEnumerable<(string name, Tensor buffer)> named_buffers(bool recurse = true, bool include_nonpersistent = true) => _inner.named_buffers(recurse, include_nonpersistent);

        /// <inheritdoc/>
        public override IEnumerable<(string name, Module module)> named_children() => _inner.named_children();

        /// <inheritdoc/>
        public override IEnumerable<(string name, Module module)> named_modules() => _inner.named_modules();

        /// <inheritdoc/>
        public override Dictionary<string, Tensor> state_dict(Dictionary<string, Tensor>? destination = null, string? prefix = null) => _inner.state_dict(destination, prefix);

        /// <inheritdoc/>
        public override (IList<string> missing_keys, IList<string> unexpected_keyes) load_state_dict(Dictionary<string, Tensor> source, bool strict = true, IList<string>? skip = null)
            => _inner.load_state_dict(source, strict, skip);

        /// <inheritdoc/>
        public override Module load(System.IO.BinaryReader reader, bool strict = true, IList<string>? skip = null, Dictionary<string, bool>? loadedParameters = null)
        {
            _inner.load(reader, strict, skip, loadedParameters);
            return this;
        }

        /// <inheritdoc/>
        public override bool has_parameter(string target) => _inner.has_parameter(target);

        /// <inheritdoc/>
        public override Parameter? get_parameter(string target) => _inner.get_parameter(target);

        /// <inheritdoc/>
        public override bool has_buffer(string target) => _inner.has_buffer(target);

        /// <inheritdoc/>
        public override Tensor? get_buffer(string target) => _inner.get_buffer(target);

        /// <inheritdoc/>
        public override void zero_grad(bool set_to_none = true) => _inner.zero_grad(set_to_none);

        /// <inheritdoc/>
        public override string GetName() => _inner.GetName();

        /// <inheritdoc/>
        public override void train(bool train = true)
        {
            base.train(train);
            _inner.train(train);
        }

        /// <inheritdoc/>
        public override bool training => _inner.training;

        // Every .to(...), cpu(), @double() and a parent's move end in one of these three. They are
        // protected internal in TorchSharp, so the real module is moved through the public extensions.

        /// <inheritdoc/>
        protected override Module _to(ScalarType dtype, bool non_blocking)
        {
            _inner.to(dtype, non_blocking);
            _referenceParameter = null;
            _lastAccepted = null;
            return this;
        }

        /// <inheritdoc/>
        protected override Module _to(Device device, ScalarType dtype, bool non_blocking)
        {
            _inner.to(device, dtype, non_blocking);
            _deviceType = device.type;
            _deviceIndex = device.type == DeviceType.CUDA ? device.index : -1;
            _referenceParameter = null;
            _lastAccepted = null;
            return this;
        }

        /// <inheritdoc/>
        protected override Module _to(DeviceType deviceType, int deviceIndex, bool non_blocking)
        {
            _inner.to(deviceType, deviceIndex, non_blocking);
            _deviceType = deviceType;
            _deviceIndex = deviceType == DeviceType.CUDA ? deviceIndex : -1;
            _referenceParameter = null;
            _lastAccepted = null;
            return this;
        }

        /// <inheritdoc/>
        protected override void Dispose(bool disposing)
        {
            // The real module first: its parameters then have no handle, named_parameters skips them,
            // and the base class finds nothing left to dispose twice.
            if (disposing)
            {
                _inner.Dispose();
                _referenceParameter = null;
                _lastAccepted = null;
            }

            base.Dispose(disposing);
        }
    }
}
