using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using RnnShapeAnalyzers.ShapeRules;

namespace RnnShapeAnalyzers.CodeFixes
{
    /// <summary>
    /// RNN011. An embedding feeds a recurrent layer: set the layer's inputSize to the embedding dimension. See docs/rules/RNN011.md.
    /// Offered only when the analyzer found that no other call of the layer would break.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EmbeddingDimensionCodeFixProvider)), Shared]
    public sealed class EmbeddingDimensionCodeFixProvider : ShapeCodeFixProvider
    {
        public const string SetInputSize = RuleIds.EmbeddingDimension + ".SetInputSize";

        private static readonly IReadOnlyList<ShapeFix> FixList = new[]
        {
            new ShapeFix(SetInputSize, d => $"Set inputSize to {LayerInputSizeEdits.Features(d, DiagnosticFacts.ActualShape)}", LayerInputSizeEdits.SetToInputFeatures),
        };

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.EmbeddingDimension);

        internal override IReadOnlyList<ShapeFix> Fixes => FixList;
    }
}
