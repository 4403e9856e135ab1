using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using RnnShapeAnalyzers.ShapeRules;

namespace RnnShapeAnalyzers.Tracking
{
    /// <summary>A recurrent layer whose factory call the analyzer found, with the syntax a fix edits.</summary>
    internal sealed class TrackedLayer
    {
        public TrackedLayer(RecurrentLayerSpec spec, IInvocationOperation factory, SyntaxNode? inputSizeSyntax, SyntaxNode? batchFirstSyntax)
        {
            Spec = spec;
            Factory = factory;
            InputSizeSyntax = inputSizeSyntax;
            BatchFirstSyntax = batchFirstSyntax;
        }

        public RecurrentLayerSpec Spec { get; }

        /// <summary>The <c>nn.RNN(...)</c>/<c>nn.LSTM(...)</c>/<c>nn.GRU(...)</c> call.</summary>
        public IInvocationOperation Factory { get; }

        /// <summary>The expression passed as <c>inputSize</c>.</summary>
        public SyntaxNode? InputSizeSyntax { get; }

        /// <summary>The expression passed as <c>batchFirst</c>, or null when it is left at its default.</summary>
        public SyntaxNode? BatchFirstSyntax { get; }
    }
}
