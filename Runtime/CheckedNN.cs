using System;
using RnnShapeAnalyzers.ShapeRules;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.Runtime
{
    /// <summary>
    /// Checked versions of <c>torch.nn</c>'s recurrent factories, and of the Embedding and Linear that
    /// usually surround them, with the same parameters and defaults:
    /// <c>CheckedNN.LSTM(10, 20, batchFirst: true)</c> instead of <c>nn.LSTM(10, 20, batchFirst: true)</c>.
    /// The analyzer treats these calls exactly like <c>torch.nn</c>'s.
    /// </summary>
    public static class CheckedNN
    {
        /// <summary>A checked <c>torch.nn.RNN</c>.</summary>
        public static CheckedRNN RNN(long inputSize, long hiddenSize, long numLayers = 1, nn.NonLinearities nonLinearity = nn.NonLinearities.Tanh, bool bias = true, bool batchFirst = false, double dropout = 0, bool bidirectional = false, Device? device = null, ScalarType? dtype = null)
            => new CheckedRNN(nn.RNN(inputSize, hiddenSize, numLayers, nonLinearity, bias, batchFirst, dropout, bidirectional, device, dtype), RecurrentLayers.RNN(inputSize, hiddenSize, numLayers, batchFirst, bidirectional));

        /// <summary>A checked <c>torch.nn.LSTM</c>.</summary>
        public static CheckedLSTM LSTM(long inputSize, long hiddenSize, long numLayers = 1, bool bias = true, bool batchFirst = false, double dropout = 0, bool bidirectional = false, Device? device = null, ScalarType? dtype = null)
            => new CheckedLSTM(nn.LSTM(inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional, device, dtype), RecurrentLayers.LSTM(inputSize, hiddenSize, numLayers, batchFirst, bidirectional));

        /// <summary>A checked <c>torch.nn.GRU</c>.</summary>
        public static CheckedGRU GRU(long inputSize, long hiddenSize, long numLayers = 1, bool bias = true, bool batchFirst = false, double dropout = 0, bool bidirectional = false, Device? device = null, ScalarType? dtype = null)
            => new CheckedGRU(nn.GRU(inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional, device!, dtype), RecurrentLayers.GRU(inputSize, hiddenSize, numLayers, batchFirst, bidirectional));

        /// <summary>A checked <c>torch.nn.RNNCell</c>.</summary>
        public static CheckedRNNCell RNNCell(long inputSize, long hiddenSize, nn.NonLinearities nonLinearity = nn.NonLinearities.Tanh, bool bias = true, Device? device = null, ScalarType? dtype = null)
            => new CheckedRNNCell(nn.RNNCell(inputSize, hiddenSize, nonLinearity, bias, device, dtype), RecurrentLayers.RNNCell(inputSize, hiddenSize));

        /// <summary>A checked <c>torch.nn.LSTMCell</c>.</summary>
        public static CheckedLSTMCell LSTMCell(long inputSize, long hiddenSize, bool bias = true, Device? device = null, ScalarType? dtype = null)
            => new CheckedLSTMCell(nn.LSTMCell(inputSize, hiddenSize, bias, device, dtype), RecurrentLayers.LSTMCell(inputSize, hiddenSize));

        /// <summary>A checked <c>torch.nn.GRUCell</c>.</summary>
        public static CheckedGRUCell GRUCell(long inputSize, long hiddenSize, bool bias = true, Device? device = null, ScalarType? dtype = null)
            => new CheckedGRUCell(nn.GRUCell(inputSize, hiddenSize, bias, device, dtype), RecurrentLayers.GRUCell(inputSize, hiddenSize));

        /// <summary>
        /// A checked <c>torch.nn.Embedding</c>: it remembers its outputs, so a checked recurrent layer that
        /// reads one with an inputSize other than <paramref name="embedding_dims"/> reports RNN011.
        /// </summary>
        public static CheckedEmbedding Embedding(long num_embeddings, long embedding_dims, long? padding_idx = null, double? max_norm = null, double norm_type = 2, bool scale_grad_by_freq = false, bool sparse = false, Device? device = null, ScalarType? dtype = null)
            => new CheckedEmbedding(nn.Embedding(num_embeddings, embedding_dims, padding_idx, max_norm, norm_type, scale_grad_by_freq, sparse, device, dtype));

        /// <summary>A checked <c>torch.nn.Linear</c>: an input whose last dimension is not <paramref name="inputSize"/> fails with RNN010.</summary>
        public static CheckedLinear Linear(long inputSize, long outputSize, bool hasBias = true, Device? device = null, ScalarType? dtype = null)
            => new CheckedLinear(nn.Linear(inputSize, outputSize, hasBias, device, dtype));

        /// <summary>Checks an existing <see cref="TorchSharp.Modules.RNN"/>; its configuration is read from its weights, batchFirst must be given. The checked module owns it.</summary>
        public static CheckedRNN From(RNN module, bool batchFirst = false) => new CheckedRNN(module, RecurrentLayerInspector.Inspect(Present(module), batchFirst));

        /// <summary>Checks an existing <see cref="TorchSharp.Modules.LSTM"/>; batchFirst must be given. The checked module owns it.</summary>
        public static CheckedLSTM From(LSTM module, bool batchFirst = false) => new CheckedLSTM(module, RecurrentLayerInspector.Inspect(Present(module), batchFirst));

        /// <summary>Checks an existing <see cref="TorchSharp.Modules.GRU"/>; batchFirst must be given. The checked module owns it.</summary>
        public static CheckedGRU From(GRU module, bool batchFirst = false) => new CheckedGRU(module, RecurrentLayerInspector.Inspect(Present(module), batchFirst));

        /// <summary>Checks an existing <see cref="TorchSharp.Modules.RNNCell"/>. The checked module owns it.</summary>
        public static CheckedRNNCell From(RNNCell module) => new CheckedRNNCell(module, RecurrentLayerInspector.Inspect(Present(module)));

        /// <summary>Checks an existing <see cref="TorchSharp.Modules.LSTMCell"/>. The checked module owns it.</summary>
        public static CheckedLSTMCell From(LSTMCell module) => new CheckedLSTMCell(module, RecurrentLayerInspector.Inspect(Present(module)));

        /// <summary>Checks an existing <see cref="TorchSharp.Modules.GRUCell"/>. The checked module owns it.</summary>
        public static CheckedGRUCell From(GRUCell module) => new CheckedGRUCell(module, RecurrentLayerInspector.Inspect(Present(module)));

        /// <summary>Checks an existing <see cref="TorchSharp.Modules.Embedding"/> (e.g. from <c>Embedding_from_pretrained</c>). The checked module owns it.</summary>
        public static CheckedEmbedding From(Embedding module) => new CheckedEmbedding(Present(module));

        /// <summary>Checks an existing <see cref="TorchSharp.Modules.Linear"/>. The checked module owns it.</summary>
        public static CheckedLinear From(Linear module) => new CheckedLinear(Present(module));

        private static T Present<T>(T module)
            where T : class
            => module ?? throw new ArgumentNullException(nameof(module));
    }
}
