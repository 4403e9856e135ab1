using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using RnnShapeAnalyzers.ShapeRules;

namespace RnnShapeAnalyzers.CodeFixes
{
    /// <summary>
    /// RNN001. First: set the layer's inputSize to the features the input has (the data is usually
    /// right and the constructor argument a leftover), offered only when the analyzer found that no other
    /// call of the layer in the method would break. Second: change the input's last dimension instead.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InputFeatureSizeCodeFixProvider)), Shared]
    public sealed class InputFeatureSizeCodeFixProvider : ShapeCodeFixProvider
    {
        public const string SetInputSize = RuleIds.InputFeatureSize + ".SetInputSize";
        public const string SetInputFeatures = RuleIds.InputFeatureSize + ".SetInputFeatures";

        private static readonly IReadOnlyList<ShapeFix> FixList = new[]
        {
            new ShapeFix(SetInputSize, d => $"Set inputSize to {Features(d, DiagnosticFacts.ActualShape)}", LayerInputSizeEdits.SetToInputFeatures),
            new ShapeFix(SetInputFeatures, d => $"Change the input's last dimension to {Features(d, DiagnosticFacts.ExpectedShape)}", SetInputFeaturesEdits),
        };

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.InputFeatureSize);

        internal override IReadOnlyList<ShapeFix> Fixes => FixList;

        private static long? Features(Diagnostic diagnostic, string key) => LayerInputSizeEdits.Features(diagnostic, key);

        private static IReadOnlyList<SyntaxEdit>? SetInputFeaturesEdits(Diagnostic diagnostic)
        {
            var expected = DiagnosticShapes.Read(diagnostic, DiagnosticFacts.ExpectedShape);
            return expected is { Length: > 0 } ? DiagnosticShapes.RewriteDimensions(diagnostic, expected.Length - 1) : null;
        }
    }
}
