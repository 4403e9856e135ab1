using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using RnnShapeAnalyzers.ShapeRules;

namespace RnnShapeAnalyzers.CodeFixes
{
    /// <summary>
    /// RNN010. A Linear after a recurrent layer: set its in_features to the features of the recurrent output it is given. See docs/rules/RNN010.md.
    /// Offered only when the analyzer found that no other call of the layer would break.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LinearAfterRecurrentCodeFixProvider)), Shared]
    public sealed class LinearAfterRecurrentCodeFixProvider : ShapeCodeFixProvider
    {
        public const string SetInputSize = RuleIds.LinearAfterRecurrent + ".SetInputSize";

        private static readonly IReadOnlyList<ShapeFix> FixList = new[]
        {
            new ShapeFix(SetInputSize, d => $"Set in_features to {LayerInputSizeEdits.Features(d, DiagnosticFacts.ActualShape)}", LayerInputSizeEdits.SetToInputFeatures),
        };

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.LinearAfterRecurrent);

        internal override IReadOnlyList<ShapeFix> Fixes => FixList;
    }
}
