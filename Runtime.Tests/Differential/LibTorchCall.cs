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
        {
            try
            {
                using var scope = torch.NewDisposeScope();
                var input = torch.randn(draw.Input);
                var hidden = draw.Hidden is null ? null : torch.randn(draw.Hidden);
                var cell = draw.Cell is null ? null : torch.randn(draw.Cell);
                (Tensor, Tensor)? pair = hidden is null ? null : (hidden, cell!);
                switch (module)
                {
                    case RNN rnn:
                    {
                        var (output, hn) = rnn.call(input, hidden);
                        return LibTorchOutcome.Ran(Of(output), Of(hn), null);
                    }

                    case GRU gru:
                    {
                        var (output, hn) = gru.call(input, hidden!);
                        return LibTorchOutcome.Ran(Of(output), Of(hn), null);
                    }

                    case LSTM lstm:
                    {
                        var (output, hn, cn) = lstm.call(input, pair);
                        return LibTorchOutcome.Ran(Of(output), Of(hn), Of(cn));
                    }

                    case RNNCell rnnCell:
                    {
                        var h = rnnCell.call(input, hidden!);
                        return LibTorchOutcome.Ran(Of(h), Of(h), null);
                    }

                    case GRUCell gruCell:
                    {
                        var h = gruCell.call(input, hidden!);
                        return LibTorchOutcome.Ran(Of(h), Of(h), null);
                    }

                    default:
                    {
                        var (h, c) = ((LSTMCell)module).call(input, pair);
                        return LibTorchOutcome.Ran(Of(h), Of(h), Of(c));
                    }
                }
            }
            catch (Exception e) when (e is ExternalException or IndexOutOfRangeException or NullReferenceException or ArgumentException)
            {
                return LibTorchOutcome.Failed(e, isExpectedType: true);
            }
            catch (Exception e)
            {
                return LibTorchOutcome.Failed(e, isExpectedType: false);
            }
        }

        private static Shape Of(Tensor tensor) => Shape.Of(tensor.shape);
    }
}
