using RnnShapeAnalyzers.ShapeRules;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using PackedSequence = TorchSharp.torch.nn.utils.rnn.PackedSequence;

namespace RnnShapeAnalyzers.Runtime
{
    /// <summary>A checked <see cref="LSTM"/>: same signature, parameters and outputs; shapes checked first.</summary>
    public sealed class CheckedLSTM : CheckedRecurrentModule<LSTM, Tensor, (Tensor, Tensor)?, (Tensor, Tensor, Tensor)>
    {
        internal CheckedLSTM(LSTM inner, RecurrentLayerSpec spec)
            : base(inner, spec)
        {
        }

        /// <inheritdoc/>
        public override (Tensor, Tensor, Tensor) forward(Tensor input, (Tensor, Tensor)? h0_c0 = null)
        {
            var check = Check(input, h0_c0?.Item1, h0_c0?.Item2);
            var result = Inner.forward(input, h0_c0);
            Trace(check, input, h0_c0?.Item1, h0_c0?.Item2, result.Item1, result.Item2, result.Item3);
            Remember(result.Item1, result.Item2, result.Item3);
            return result;
        }

        /// <summary>Runs hooks and <see cref="forward"/>, like <c>LSTM.call</c>.</summary>
        public new (Tensor, Tensor, Tensor) call(Tensor input, (Tensor, Tensor)? h0_c0 = null) => base.call(input, h0_c0);

        /// <summary>A packed sequence: its feature size, batch (<c>batch_sizes[0]</c>), dtype and device are checked.</summary>
        public (PackedSequence, Tensor, Tensor) call(PackedSequence input, (Tensor, Tensor)? h0_c0 = null)
        {
            CheckPacked(input, h0_c0?.Item1, h0_c0?.Item2);
            return Inner.call(input, h0_c0);
        }

        /// <summary>As <see cref="LSTM.flatten_parameters"/>.</summary>
        public void flatten_parameters() => Inner.flatten_parameters();
    }

    /// <summary>A checked <see cref="GRU"/>: same signature, parameters and outputs; shapes checked first.</summary>
    public sealed class CheckedGRU : CheckedRecurrentModule<GRU, Tensor, Tensor, (Tensor, Tensor)>
    {
        internal CheckedGRU(GRU inner, RecurrentLayerSpec spec)
            : base(inner, spec)
        {
        }

        /// <inheritdoc/>
        public override (Tensor, Tensor) forward(Tensor input, Tensor h0 = null!)
        {
            var check = Check(input, h0, null);
            var result = Inner.forward(input, h0);
            Trace(check, input, h0, null, result.Item1, result.Item2, null);
            Remember(result.Item1, result.Item2, null);
            return result;
        }

        /// <summary>Runs hooks and <see cref="forward"/>, like <see cref="GRU.call(Tensor, Tensor)"/>.</summary>
        public new (Tensor, Tensor) call(Tensor input, Tensor h0 = null!) => base.call(input, h0);

        /// <summary>A packed sequence: its feature size, batch (<c>batch_sizes[0]</c>), dtype and device are checked.</summary>
        public (PackedSequence, Tensor) call(PackedSequence input, Tensor h0 = null!)
        {
            CheckPacked(input, h0, null);
            return Inner.call(input, h0);
        }

        /// <summary>As <see cref="GRU.flatten_parameters"/>.</summary>
        public void flatten_parameters() => Inner.flatten_parameters();
    }

    /// <summary>A checked <see cref="RNN"/>: same signature, parameters and outputs; shapes checked first.</summary>
    public sealed class CheckedRNN : CheckedRecurrentModule<RNN, Tensor, Tensor?, (Tensor, Tensor)>
    {
        internal CheckedRNN(RNN inner, RecurrentLayerSpec spec)
            : base(inner, spec)
        {
        }

        /// <inheritdoc/>
        public override (Tensor, Tensor) forward(Tensor input, Tensor? h0)
        {
            var check = Check(input, h0, null);
            var result = Inner.forward(input, h0);
            Trace(check, input, h0, null, result.Item1, result.Item2, null);
            Remember(result.Item1, result.Item2, null);
            return result;
        }

        /// <summary>Runs hooks and <see cref="forward"/>, like <see cref="RNN.call(Tensor, Tensor?)"/>.</summary>
        public new (Tensor, Tensor) call(Tensor input, Tensor? h0 = null) => base.call(input, h0);

        /// <summary>A packed sequence: its feature size, batch (<c>batch_sizes[0]</c>), dtype and device are checked.</summary>
        public (PackedSequence, Tensor) call(PackedSequence input, Tensor? h0 = null)
        {
            CheckPacked(input, h0, null);
            return Inner.call(input, h0);
        }

        /// <summary>As <see cref="RNN.flatten_parameters"/>.</summary>
        public void flatten_parameters() => Inner.flatten_parameters();
    }

    /// <summary>
    /// A checked <see cref="LSTMCell"/>. Unlike TorchSharp 0.107's, it accepts a missing state and
    /// starts from zeros, as PyTorch does.
    /// </summary>
    public sealed class CheckedLSTMCell : CheckedRecurrentModule<LSTMCell, Tensor, (Tensor, Tensor)?, (Tensor, Tensor)>
    {
        internal CheckedLSTMCell(LSTMCell inner, RecurrentLayerSpec spec)
            : base(inner, spec)
        {
        }

        /// <inheritdoc/>
        public override (Tensor, Tensor) forward(Tensor input, (Tensor, Tensor)? h0_c0 = null)
        {
            if (h0_c0 is null && ZeroStateFor(input) is { } zeros)
            {
                h0_c0 = (zeros, zeros.clone());
            }

            var check = Check(input, h0_c0?.Item1, h0_c0?.Item2);
            var result = Inner.forward(input, h0_c0);
            Trace(check, input, h0_c0?.Item1, h0_c0?.Item2, result.Item1, result.Item1, result.Item2);
            Remember(result.Item1, result.Item1, result.Item2);
            return result;
        }

        /// <summary>Runs hooks and <see cref="forward"/>; the state may be omitted.</summary>
        public new (Tensor, Tensor) call(Tensor input, (Tensor, Tensor)? h0_c0 = null) => base.call(input, h0_c0);
    }

    /// <summary>A checked <see cref="GRUCell"/>; a missing state starts from zeros, also for 1-D input.</summary>
    public sealed class CheckedGRUCell : CheckedRecurrentModule<GRUCell, Tensor, Tensor, Tensor>
    {
        internal CheckedGRUCell(GRUCell inner, RecurrentLayerSpec spec)
            : base(inner, spec)
        {
        }

        /// <inheritdoc/>
        public override Tensor forward(Tensor input, Tensor? h0 = null)
        {
            h0 ??= ZeroStateFor(input);
            var check = Check(input, h0, null);
            var result = Inner.forward(input, h0);
            Trace(check, input, h0, null, result, result, null);
            Remember(result, result, null);
            return result;
        }

        /// <summary>Runs hooks and <see cref="forward"/>; the state may be omitted.</summary>
        public Tensor call(Tensor input) => base.call(input, null!);
    }

    /// <summary>A checked <see cref="RNNCell"/>; a missing state starts from zeros, also for 1-D input.</summary>
    public sealed class CheckedRNNCell : CheckedRecurrentModule<RNNCell, Tensor, Tensor, Tensor>
    {
        internal CheckedRNNCell(RNNCell inner, RecurrentLayerSpec spec)
            : base(inner, spec)
        {
        }

        /// <inheritdoc/>
        public override Tensor forward(Tensor input, Tensor? h0 = null)
        {
            h0 ??= ZeroStateFor(input);
            var check = Check(input, h0, null);
            var result = Inner.forward(input, h0);
            Trace(check, input, h0, null, result, result, null);
            Remember(result, result, null);
            return result;
        }

        /// <summary>Runs hooks and <see cref="forward"/>; the state may be omitted.</summary>
        public Tensor call(Tensor input) => base.call(input, null!);
    }
}
