using Microsoft.CodeAnalysis;

namespace RnnShapeAnalyzers.Benchmarks.Analyzer
{
    /// <summary>
    /// The type lookups RecurrentShapeAnalyzer's compilation start makes (TorchSharpSymbols), for the
    /// empty analyzers to make the same ones.
    /// </summary>
    internal static class TorchSharpTypeLookups
    {
        /// <summary>The types the analyzer's TorchSharpSymbols looks up, TorchSharp's and the checked runtime's.</summary>
        private static readonly string[] MetadataNames =
        {
            "TorchSharp.torch", "TorchSharp.torch+nn", "TorchSharp.torch+nn+functional", "TorchSharp.torch+Tensor", "TorchSharp.torch+ScalarType",
            "TorchSharp.torch+nn+utils+rnn", "TorchSharp.torch+nn+utils+rnn+PackedSequence",
            "TorchSharp.Modules.RNN", "TorchSharp.Modules.LSTM", "TorchSharp.Modules.GRU", "TorchSharp.Modules.RNNCell", "TorchSharp.Modules.LSTMCell", "TorchSharp.Modules.GRUCell",
            "TorchSharp.Modules.Embedding", "TorchSharp.Modules.Linear",
            "RnnShapeAnalyzers.Runtime.CheckedNN", "RnnShapeAnalyzers.Runtime.CheckedRNN", "RnnShapeAnalyzers.Runtime.CheckedLSTM", "RnnShapeAnalyzers.Runtime.CheckedGRU",
            "RnnShapeAnalyzers.Runtime.CheckedRNNCell", "RnnShapeAnalyzers.Runtime.CheckedLSTMCell", "RnnShapeAnalyzers.Runtime.CheckedGRUCell",
            "RnnShapeAnalyzers.Runtime.CheckedEmbedding", "RnnShapeAnalyzers.Runtime.CheckedLinear",
        };

        /// <summary>The type lookups the analyzer's compilation start makes; false without TorchSharp.</summary>
        public static bool ResolveTorchSharp(Compilation compilation)
        {
            var found = 0;
            foreach (var name in MetadataNames)
            {
                if (compilation.GetTypeByMetadataName(name) is not null)
                {
                    found++;
                }
            }

            return found > 0 && compilation.GetTypeByMetadataName("TorchSharp.torch+nn") is not null;
        }
    }
}
