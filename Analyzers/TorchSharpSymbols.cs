using Microsoft.CodeAnalysis;
using RnnShapeAnalyzers.ShapeRules;

namespace RnnShapeAnalyzers
{
    /// <summary>
    /// The TorchSharp types the analyzer matches calls against, resolved once per compilation.
    /// <see cref="TryCreate"/> returns null when TorchSharp is not referenced: the analyzer then
    /// registers nothing at all.
    /// </summary>
    internal sealed class TorchSharpSymbols
    {
        private TorchSharpSymbols(Compilation compilation, INamedTypeSymbol torch, INamedTypeSymbol nn)
        {
            Torch = torch;
            NN = nn;
            Rnn = compilation.GetTypeByMetadataName("TorchSharp.Modules.RNN");
            Lstm = compilation.GetTypeByMetadataName("TorchSharp.Modules.LSTM");
            Gru = compilation.GetTypeByMetadataName("TorchSharp.Modules.GRU");

            // RnnShapeAnalyzers.Runtime's checked layers are built and called exactly like torch.nn's,
            // so their factories and modules are matched the same way when that package is referenced.
            CheckedNN = compilation.GetTypeByMetadataName("RnnShapeAnalyzers.Runtime.CheckedNN");
            CheckedRnn = compilation.GetTypeByMetadataName("RnnShapeAnalyzers.Runtime.CheckedRNN");
            CheckedLstm = compilation.GetTypeByMetadataName("RnnShapeAnalyzers.Runtime.CheckedLSTM");
            CheckedGru = compilation.GetTypeByMetadataName("RnnShapeAnalyzers.Runtime.CheckedGRU");

            RnnCell = compilation.GetTypeByMetadataName("TorchSharp.Modules.RNNCell");
            LstmCell = compilation.GetTypeByMetadataName("TorchSharp.Modules.LSTMCell");
            GruCell = compilation.GetTypeByMetadataName("TorchSharp.Modules.GRUCell");
            CheckedRnnCell = compilation.GetTypeByMetadataName("RnnShapeAnalyzers.Runtime.CheckedRNNCell");
            CheckedLstmCell = compilation.GetTypeByMetadataName("RnnShapeAnalyzers.Runtime.CheckedLSTMCell");
            CheckedGruCell = compilation.GetTypeByMetadataName("RnnShapeAnalyzers.Runtime.CheckedGRUCell");
            Embedding = compilation.GetTypeByMetadataName("TorchSharp.Modules.Embedding");
            Linear = compilation.GetTypeByMetadataName("TorchSharp.Modules.Linear");
            CheckedEmbedding = compilation.GetTypeByMetadataName("RnnShapeAnalyzers.Runtime.CheckedEmbedding");
            CheckedLinear = compilation.GetTypeByMetadataName("RnnShapeAnalyzers.Runtime.CheckedLinear");
            Tensor = compilation.GetTypeByMetadataName("TorchSharp.torch+Tensor");
            ScalarType = compilation.GetTypeByMetadataName("TorchSharp.torch+ScalarType");
            PackedSequence = compilation.GetTypeByMetadataName("TorchSharp.torch+nn+utils+rnn+PackedSequence");
            RnnUtilities = compilation.GetTypeByMetadataName("TorchSharp.torch+nn+utils+rnn");
            Functional = compilation.GetTypeByMetadataName("TorchSharp.torch+nn+functional");
        }

        public INamedTypeSymbol? RnnCell { get; }

        public INamedTypeSymbol? LstmCell { get; }

        public INamedTypeSymbol? GruCell { get; }

        public INamedTypeSymbol? CheckedRnnCell { get; }

        public INamedTypeSymbol? CheckedLstmCell { get; }

        public INamedTypeSymbol? CheckedGruCell { get; }

        public INamedTypeSymbol? Embedding { get; }

        public INamedTypeSymbol? Linear { get; }

        public INamedTypeSymbol? CheckedEmbedding { get; }

        public INamedTypeSymbol? CheckedLinear { get; }

        /// <summary><c>TorchSharp.torch.Tensor</c>.</summary>
        public INamedTypeSymbol? Tensor { get; }

        /// <summary><c>TorchSharp.torch.ScalarType</c>: dtypes.</summary>
        public INamedTypeSymbol? ScalarType { get; }

        /// <summary><c>TorchSharp.torch.nn.utils.rnn.PackedSequence</c>.</summary>
        public INamedTypeSymbol? PackedSequence { get; }

        /// <summary><c>TorchSharp.torch.nn.utils.rnn</c>: pack_padded_sequence.</summary>
        public INamedTypeSymbol? RnnUtilities { get; }

        /// <summary><c>TorchSharp.torch.nn.functional</c>.</summary>
        public INamedTypeSymbol? Functional { get; }

        public bool IsTensor(ITypeSymbol? type) => Tensor is not null && SymbolEqualityComparer.Default.Equals(type, Tensor);

        /// <summary>Which recurrent layer or cell <paramref name="type"/> is.</summary>
        public RecurrentKind? RecurrentLayerKind(ITypeSymbol? type)
        {
            if (SequenceLayerKind(type) is RecurrentKind kind)
            {
                return kind;
            }

            if (type is null)
            {
                return null;
            }

            if (SymbolEqualityComparer.Default.Equals(type, LstmCell) || SymbolEqualityComparer.Default.Equals(type, CheckedLstmCell))
            {
                return RecurrentKind.LstmCell;
            }

            if (SymbolEqualityComparer.Default.Equals(type, GruCell) || SymbolEqualityComparer.Default.Equals(type, CheckedGruCell))
            {
                return RecurrentKind.GruCell;
            }

            if (SymbolEqualityComparer.Default.Equals(type, RnnCell) || SymbolEqualityComparer.Default.Equals(type, CheckedRnnCell))
            {
                return RecurrentKind.RnnCell;
            }

            return null;
        }

        public bool IsEmbedding(ITypeSymbol? type)
            => type is not null && (SymbolEqualityComparer.Default.Equals(type, Embedding) || SymbolEqualityComparer.Default.Equals(type, CheckedEmbedding));

        public bool IsLinear(ITypeSymbol? type)
            => type is not null && (SymbolEqualityComparer.Default.Equals(type, Linear) || SymbolEqualityComparer.Default.Equals(type, CheckedLinear));

        /// <summary>A module whose call the analyzer checks: a recurrent layer or cell, or a Linear (RNN010).</summary>
        public bool IsCheckedCallReceiver(ITypeSymbol? type) => RecurrentLayerKind(type) is not null || IsLinear(type);

        /// <summary><c>TorchSharp.torch</c>: tensor factories.</summary>
        public INamedTypeSymbol Torch { get; }

        /// <summary><c>TorchSharp.torch.nn</c>: layer factories.</summary>
        public INamedTypeSymbol NN { get; }

        public INamedTypeSymbol? Rnn { get; }

        public INamedTypeSymbol? Lstm { get; }

        public INamedTypeSymbol? Gru { get; }

        /// <summary><c>RnnShapeAnalyzers.Runtime.CheckedNN</c>, when the runtime package is referenced.</summary>
        public INamedTypeSymbol? CheckedNN { get; }

        public INamedTypeSymbol? CheckedRnn { get; }

        public INamedTypeSymbol? CheckedLstm { get; }

        public INamedTypeSymbol? CheckedGru { get; }

        /// <summary>True for the classes whose factory methods build recurrent layers: torch.nn and CheckedNN.</summary>
        public bool IsLayerFactoryClass(ITypeSymbol? type)
            => SymbolEqualityComparer.Default.Equals(type, NN) || (CheckedNN is not null && SymbolEqualityComparer.Default.Equals(type, CheckedNN));

        public static TorchSharpSymbols? TryCreate(Compilation compilation)
        {
            var torch = compilation.GetTypeByMetadataName("TorchSharp.torch");
            var nn = compilation.GetTypeByMetadataName("TorchSharp.torch+nn");
            if (torch is null || nn is null)
            {
                return null;
            }

            return new TorchSharpSymbols(compilation, torch, nn);
        }

        /// <summary>Which sequence layer <paramref name="type"/> is, if it is RNN, LSTM or GRU.</summary>
        public RecurrentKind? SequenceLayerKind(ITypeSymbol? type)
        {
            if (type is null)
            {
                return null;
            }

            if (SymbolEqualityComparer.Default.Equals(type, Lstm) || SymbolEqualityComparer.Default.Equals(type, CheckedLstm))
            {
                return RecurrentKind.Lstm;
            }

            if (SymbolEqualityComparer.Default.Equals(type, Gru) || SymbolEqualityComparer.Default.Equals(type, CheckedGru))
            {
                return RecurrentKind.Gru;
            }

            if (SymbolEqualityComparer.Default.Equals(type, Rnn) || SymbolEqualityComparer.Default.Equals(type, CheckedRnn))
            {
                return RecurrentKind.Rnn;
            }

            return null;
        }
    }
}
