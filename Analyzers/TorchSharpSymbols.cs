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
        }

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
