using System;
using System.Runtime.InteropServices;
using RnnShapeAnalyzers.ShapeRules;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.Runtime.Tests.Differential
{
    /// <summary>Makes the call of one draw on a plain TorchSharp module, the way user code writes it.</summary>
    internal static class LibTorchCall
    {
        /// <summary>A plain module built as the draw's spec says.</summary>
        public static nn.Module CreateModule(DifferentialCase d) => d.Kind switch
        {
            RecurrentKind.Rnn => nn.RNN(d.InputSize, d.HiddenSize, numLayers: d.NumLayers, batchFirst: d.BatchFirst, bidirectional: d.Bidirectional),
            RecurrentKind.Lstm => nn.LSTM(d.InputSize, d.HiddenSize, numLayers: d.NumLayers, batchFirst: d.BatchFirst, bidirectional: d.Bidirectional),
            RecurrentKind.Gru => nn.GRU(d.InputSize, d.HiddenSize, numLayers: d.NumLayers, batchFirst: d.BatchFirst, bidirectional: d.Bidirectional),
            RecurrentKind.RnnCell => nn.RNNCell(d.InputSize, d.HiddenSize),
            RecurrentKind.LstmCell => nn.LSTMCell(d.InputSize, d.HiddenSize),
            _ => nn.GRUCell(d.InputSize, d.HiddenSize),
        };

        /// <summary>
        /// Calls <paramref name="module"/> with random tensors of the draw's shapes: <c>call(x, h0)</c>,
        /// LSTM and LSTMCell with the pair <c>(h0, c0)</c>, and null for an omitted state (the cells'
        /// <c>call</c> has no one-argument form). This may kill the process: see <see cref="ProcessCrashingCalls"/>.
        /// </summary>
        public static LibTorchOutcome Run(nn.Module module, DifferentialCase draw)
            => Call(draw, IsLibTorchError, (input, hidden, pair) => module switch
            {
                RNN rnn => RanSequence(rnn.call(input, hidden)),
                GRU gru => RanSequence(gru.call(input, hidden!)),
                LSTM lstm => RanSequence(lstm.call(input, pair)),
                RNNCell rnnCell => RanCell(rnnCell.call(input, hidden!)),
                GRUCell gruCell => RanCell(gruCell.call(input, hidden!)),
                _ => RanCell(((LSTMCell)module).call(input, pair)),
            });

        /// <summary>
        /// Makes random tensors of the draw's shapes (the pair is null when no state is passed) and
        /// hands them to <paramref name="call"/>; an exception becomes a failed outcome, of an expected
        /// type when <paramref name="isExpected"/> says so.
        /// </summary>
        public static LibTorchOutcome Call(DifferentialCase draw, Func<Exception, bool> isExpected, Func<Tensor, Tensor?, (Tensor, Tensor)?, LibTorchOutcome> call)
        {
            try
            {
                using var scope = torch.NewDisposeScope();
                var input = torch.randn(draw.Input);
                var hidden = draw.Hidden is null ? null : torch.randn(draw.Hidden);
                var cell = draw.Cell is null ? null : torch.randn(draw.Cell);
                return call(input, hidden, hidden is null ? null : (hidden, cell!));
            }
            catch (Exception e)
            {
                return LibTorchOutcome.Failed(e, isExpected(e));
            }
        }

        /// <summary>What RNN and GRU return: the output and h_n.</summary>
        public static LibTorchOutcome RanSequence((Tensor Output, Tensor HiddenOut) result) => LibTorchOutcome.Ran(Of(result.Output), Of(result.HiddenOut), null);

        /// <summary>What LSTM returns: the output, h_n and c_n.</summary>
        public static LibTorchOutcome RanSequence((Tensor Output, Tensor HiddenOut, Tensor CellOut) result) => LibTorchOutcome.Ran(Of(result.Output), Of(result.HiddenOut), Of(result.CellOut));

        /// <summary>What RNNCell and GRUCell return: the new hidden state, which is also the output.</summary>
        public static LibTorchOutcome RanCell(Tensor hidden) => LibTorchOutcome.Ran(Of(hidden), Of(hidden), null);

        /// <summary>What LSTMCell returns: the new hidden state (also the output) and cell state.</summary>
        public static LibTorchOutcome RanCell((Tensor Hidden, Tensor Cell) result) => LibTorchOutcome.Ran(Of(result.Hidden), Of(result.Hidden), Of(result.Cell));

        /// <summary>The native ExternalException and TorchSharp's own IndexOutOfRange, NullReference and Argument exceptions: how libtorch reports a shape error.</summary>
        private static bool IsLibTorchError(Exception e) => e is ExternalException or IndexOutOfRangeException or NullReferenceException or ArgumentException;

        private static Shape Of(Tensor tensor) => Shape.Of(tensor.shape);
    }
}
