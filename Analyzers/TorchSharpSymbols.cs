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
        private TorchSharpSymbols(INamedTypeSymbol torch, INamedTypeSymbol nn, INamedTypeSymbol? rnn, INamedTypeSymbol? lstm, INamedTypeSymbol? gru)
        {
            Torch = torch;
            NN = nn;
            Rnn = rnn;
            Lstm = lstm;
            Gru = gru;
        }

        /// <summary><c>TorchSharp.torch</c>: tensor factories.</summary>
        public INamedTypeSymbol Torch { get; }

        /// <summary><c>TorchSharp.torch.nn</c>: layer factories.</summary>
        public INamedTypeSymbol NN { get; }

        public INamedTypeSymbol? Rnn { get; }

        public INamedTypeSymbol? Lstm { get; }

        public INamedTypeSymbol? Gru { get; }

        public static TorchSharpSymbols? TryCreate(Compilation compilation)
        {
            var torch = compilation.GetTypeByMetadataName("TorchSharp.torch");
            var nn = compilation.GetTypeByMetadataName("TorchSharp.torch+nn");
            if (torch is null || nn is null)
            {
                return null;
            }

            return new TorchSharpSymbols(
                torch,
                nn,
                compilation.GetTypeByMetadataName("TorchSharp.Modules.RNN"),
                compilation.GetTypeByMetadataName("TorchSharp.Modules.LSTM"),
                compilation.GetTypeByMetadataName("TorchSharp.Modules.GRU"));
        }

        /// <summary>Which sequence layer <paramref name="type"/> is, if it is RNN, LSTM or GRU.</summary>
        public RecurrentKind? SequenceLayerKind(ITypeSymbol? type)
        {
            if (type is null)
            {
                return null;
            }

            if (SymbolEqualityComparer.Default.Equals(type, Lstm))
            {
                return RecurrentKind.Lstm;
            }

            if (SymbolEqualityComparer.Default.Equals(type, Gru))
            {
                return RecurrentKind.Gru;
            }

            if (SymbolEqualityComparer.Default.Equals(type, Rnn))
            {
                return RecurrentKind.Rnn;
            }

            return null;
        }
    }
}
