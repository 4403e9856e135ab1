using System;
using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using Module = TorchSharp.torch.nn.Module;

namespace RnnShapeAnalyzers.Runtime
{
    /// <summary>
    /// The common part of the checked one-tensor modules that sit next to recurrent layers
    /// (<see cref="CheckedEmbedding"/>, <see cref="CheckedLinear"/>): a module with the signature of the
    /// TorchSharp module it wraps, whose state is entirely the real module's.
    /// </summary>
    /// <remarks>
    /// The same delegation as <see cref="CheckedRecurrentModule{TInner, T1, T2, TResult}"/>, for a module
    /// with one input (C# has no other way to share overrides between the two base types): the real module
    /// is held in a field, never registered as a child, so parameter names are the plain module's
    /// (<c>weight</c>, not <c>inner.weight</c>), and every virtual member through which TorchSharp reaches a
    /// module's state is passed on to it.
    /// </remarks>
    public abstract class CheckedModule<TInner> : nn.Module<Tensor, Tensor>
        where TInner : nn.Module<Tensor, Tensor>
    {
        private readonly TInner _inner;

        private protected CheckedModule(TInner inner)
            : base((inner ?? throw new ArgumentNullException(nameof(inner))).GetName())
        {
            _inner = inner;
        }

        /// <summary>The real TorchSharp module this one checks and runs.</summary>
        public TInner Inner => _inner;

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

        /// <inheritdoc/>
        protected override Module _to(ScalarType dtype, bool non_blocking)
        {
            _inner.to(dtype, non_blocking);
            return this;
        }

        /// <inheritdoc/>
        protected override Module _to(Device device, ScalarType dtype, bool non_blocking)
        {
            _inner.to(device, dtype, non_blocking);
            _deviceType = device.type;
            _deviceIndex = device.type == DeviceType.CUDA ? device.index : -1;
            return this;
        }

        /// <inheritdoc/>
        protected override Module _to(DeviceType deviceType, int deviceIndex, bool non_blocking)
        {
            _inner.to(deviceType, deviceIndex, non_blocking);
            _deviceType = deviceType;
            _deviceIndex = deviceType == DeviceType.CUDA ? deviceIndex : -1;
            return this;
        }

        /// <inheritdoc/>
        protected override void Dispose(bool disposing)
        {
            // The real module first: its parameters then have no handle, and the base class finds
            // nothing left to dispose twice.
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
