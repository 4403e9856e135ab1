using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using RnnShapeAnalyzers.ShapeRules;

namespace RnnShapeAnalyzers.CodeFixes
{
    /// <summary>RNN002: rewrite the state's dimensions to the expected (numLayers * D, batch, hiddenSize).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HiddenStateShapeCodeFixProvider)), Shared]
    public sealed class HiddenStateShapeCodeFixProvider : ShapeCodeFixProvider
    {
        public const string RewriteStateShape = RuleIds.HiddenStateShape + ".RewriteStateShape";

        private static readonly IReadOnlyList<ShapeFix> FixList = new[]
        {
            new ShapeFix(
                RewriteStateShape,
                d => $"Change the state's shape to {DiagnosticShapes.Format(DiagnosticShapes.Read(d, DiagnosticFacts.ExpectedShape) ?? System.Array.Empty<long?>())}",
                d => DiagnosticShapes.RewriteDimensions(d)),
        };

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.HiddenStateShape);

        internal override IReadOnlyList<ShapeFix> Fixes => FixList;
    }
}
