using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.Runtime
{
    /// <summary>
    /// A checked <see cref="Linear"/>: same signature, parameters and outputs. An input whose last
    /// dimension is not in_features fails with RNN010, which names the checked recurrent layer that
    /// returned the input when there is one.
    /// </summary>
    public sealed class CheckedLinear : CheckedModule<Linear>
    {
        internal CheckedLinear(Linear inner)
            : base(inner)
        {
        }

        /// <summary>in_features, as the real module's weight says.</summary>
        public long in_features => Weight().size(1);

        /// <summary>out_features, as the real module's weight says.</summary>
        public long out_features => Weight().size(0);

        /// <summary>The real module's weight, (out_features, in_features).</summary>
        public Parameter weight => Inner.weight;

        /// <summary>The real module's bias, or null.</summary>
        public Parameter? bias => Inner.bias;

        /// <inheritdoc/>
        public override Tensor forward(Tensor input)
        {
            TensorFacts.RequireLive(input, "input");

            // The weight, not the in_features property, is what libtorch multiplies by.
            var weight = Weight();
            var inFeatures = weight.size(1);
            if (input.Dimensions > 0 && input.size(-1) != inFeatures && LayerChainFailures.ForLinearInput(input, inFeatures, weight.size(0)) is { } violation)
            {
                throw new RnnShapeException(violation, violation.OperandName);
            }

            return Inner.forward(input);
        }

        private Parameter Weight()
        {
            var weight = Inner.weight;
            return weight is null || weight.IsInvalid
                ? throw new ObjectDisposedException(nameof(CheckedLinear), "The Linear has no weight left; was it disposed?")
                : weight;
        }
    }
}
