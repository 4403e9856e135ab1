using System;
using System.Globalization;
using RnnShapeAnalyzers.ShapeRules;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.Runtime
{
    /// <summary>
    /// Reads the configuration of an existing, plain TorchSharp recurrent module from its parameters.
    /// TorchSharp keeps no public inputSize/hiddenSize/numLayers/bidirectional, but the weights tell:
    /// <c>weight_ih_l0</c> is (gates * hiddenSize, inputSize), one <c>weight_ih_l{k}</c> per layer, and a
    /// <c>_reverse</c> twin per layer when bidirectional. batchFirst leaves no trace and must be given.
    /// </summary>
    public static class RecurrentLayerInspector
    {
        /// <summary>The spec of <paramref name="module"/>, one of TorchSharp's six recurrent modules.</summary>
        /// <param name="module">An RNN, LSTM, GRU, RNNCell, LSTMCell or GRUCell.</param>
        /// <param name="batchFirst">What the module was built with (ignored for cells).</param>
        public static RecurrentLayerSpec Inspect(nn.Module module, bool batchFirst = false)
        {
            if (module is null)
            {
                throw new ArgumentNullException(nameof(module));
            }

            var kind = KindOf(module) ?? throw new ArgumentException($"{module.GetType().Name} is not one of TorchSharp's recurrent modules (RNN, LSTM, GRU, RNNCell, LSTMCell, GRUCell).", nameof(module));
            var gates = kind.GateCount();
            long inputSize = -1, hiddenSize = -1, layers = 0;
            var bidirectional = false;
            foreach (var (name, parameter) in module.named_parameters(recurse: false))
            {
                if (name.EndsWith("_reverse", StringComparison.Ordinal))
                {
                    bidirectional = true;
                    continue;
                }

                if (name == (kind.IsCell() ? "weight_ih" : "weight_ih_l0"))
                {
                    hiddenSize = parameter.shape[0] / gates;
                    inputSize = parameter.shape[1];
                }

                if (name.StartsWith("weight_ih_l", StringComparison.Ordinal) && long.TryParse(name.Substring("weight_ih_l".Length), NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    layers++;
                }
            }

            if (inputSize < 0)
            {
                throw new ArgumentException($"{module.GetType().Name} has no input weights to read its configuration from; was it disposed?", nameof(module));
            }

            return new RecurrentLayerSpec(kind, Dim.Of(inputSize), Dim.Of(hiddenSize), Dim.Of(kind.IsCell() ? 1 : layers), bidirectional, batchFirst);
        }

        /// <summary>Which recurrent module <paramref name="module"/> is, or null.</summary>
        public static RecurrentKind? KindOf(nn.Module module) => module switch
        {
            LSTM => RecurrentKind.Lstm,
            GRU => RecurrentKind.Gru,
            RNN => RecurrentKind.Rnn,
            LSTMCell => RecurrentKind.LstmCell,
            GRUCell => RecurrentKind.GruCell,
            RNNCell => RecurrentKind.RnnCell,
            _ => null,
        };
    }
}
