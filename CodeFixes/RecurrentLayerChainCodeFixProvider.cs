using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using RnnShapeAnalyzers.ShapeRules;

namespace RnnShapeAnalyzers.CodeFixes
{
    /// <summary>
    /// RNN009. The output of one recurrent layer feeds the next: set the next layer's inputSize to the features it is given (D * hiddenSize of the first). See docs/rules/RNN009.md.
    /// Offered only when the analyzer found that no other call of the layer would break.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RecurrentLayerChainCodeFixProvider)), Shared]
    public sealed class RecurrentLayerChainCodeFixProvider : ShapeCodeFixProvider
    {
        public const string SetInputSize = RuleIds.RecurrentLayerChain + ".SetInputSize";

        private static readonly IReadOnlyList<ShapeFix> FixList = new[]
        {
            new ShapeFix(SetInputSize, d => $"Set inputSize to {LayerInputSizeEdits.Features(d, DiagnosticFacts.ActualShape)}", LayerInputSizeEdits.SetToInputFeatures),
        };

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.RecurrentLayerChain);

        internal override IReadOnlyList<ShapeFix> Fixes => FixList;
    }
}
