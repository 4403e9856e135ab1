using System;
using RnnShapeAnalyzers.ShapeRules;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.Runtime.Tests.Differential
{
    /// <summary>Makes the call of one draw on a checked module, the way user code writes it.</summary>
    internal static class CheckedCall
    {
        /// <summary>
        /// A checked module built as the draw's spec says: by <see cref="CheckedNN"/>'s factory, or (for
        /// about half the configurations, chosen by their sizes) by <c>CheckedNN.From</c> around a plain
        /// module, so that the spec read from the weights is held to the rules as well.
        /// </summary>
        public static nn.Module CreateModule(DifferentialCase d)
        {
            if ((d.InputSize + d.HiddenSize) % 2 == 1)
            {
                return LibTorchCall.CreateModule(d) switch
                {
                    RNN rnn => CheckedNN.From(rnn, d.BatchFirst),
                    LSTM lstm => CheckedNN.From(lstm, d.BatchFirst),
                    GRU gru => CheckedNN.From(gru, d.BatchFirst),
                    RNNCell rnnCell => CheckedNN.From(rnnCell),
                    LSTMCell lstmCell => CheckedNN.From(lstmCell),
                    var plain => CheckedNN.From((GRUCell)plain),
                };
            }

            return d.Kind switch
            {
                RecurrentKind.Rnn => CheckedNN.RNN(d.InputSize, d.HiddenSize, numLayers: d.NumLayers, batchFirst: d.BatchFirst, bidirectional: d.Bidirectional),
                RecurrentKind.Lstm => CheckedNN.LSTM(d.InputSize, d.HiddenSize, numLayers: d.NumLayers, batchFirst: d.BatchFirst, bidirectional: d.Bidirectional),
                RecurrentKind.Gru => CheckedNN.GRU(d.InputSize, d.HiddenSize, numLayers: d.NumLayers, batchFirst: d.BatchFirst, bidirectional: d.Bidirectional),
                RecurrentKind.RnnCell => CheckedNN.RNNCell(d.InputSize, d.HiddenSize),
                RecurrentKind.LstmCell => CheckedNN.LSTMCell(d.InputSize, d.HiddenSize),
                _ => CheckedNN.GRUCell(d.InputSize, d.HiddenSize),
            };
        }

        /// <summary>
        /// Calls the checked <paramref name="module"/> with random tensors of the draw's shapes; a cell
        /// without a state is called as <c>call(x)</c> (LSTMCell: <c>call(x, null)</c>). Only an
        /// <see cref="RnnShapeException"/> is an expected failure.
        /// </summary>
        public static LibTorchOutcome Run(nn.Module module, DifferentialCase draw)
            => LibTorchCall.Call(draw, e => e is RnnShapeException, (input, hidden, pair) => module switch
            {
                CheckedRNN rnn => LibTorchCall.RanSequence(rnn.call(input, hidden)),
                CheckedGRU gru => LibTorchCall.RanSequence(gru.call(input, hidden!)),
                CheckedLSTM lstm => LibTorchCall.RanSequence(lstm.call(input, pair)),
                CheckedRNNCell rnnCell => LibTorchCall.RanCell(hidden is null ? rnnCell.call(input) : rnnCell.call(input, hidden)),
                CheckedGRUCell gruCell => LibTorchCall.RanCell(hidden is null ? gruCell.call(input) : gruCell.call(input, hidden)),
                _ => LibTorchCall.RanCell(((CheckedLSTMCell)module).call(input, pair)),
            });

        /// <summary>The plain TorchSharp module a checked one runs.</summary>
        public static nn.Module PlainModuleOf(nn.Module module) => module switch
        {
            CheckedRNN rnn => rnn.Inner,
            CheckedLSTM lstm => lstm.Inner,
            CheckedGRU gru => gru.Inner,
            CheckedRNNCell rnnCell => rnnCell.Inner,
            CheckedLSTMCell lstmCell => lstmCell.Inner,
            CheckedGRUCell gruCell => gruCell.Inner,
            _ => throw new ArgumentException($"{module.GetType().Name} is not a checked recurrent module.", nameof(module)),
        };
    }
}
