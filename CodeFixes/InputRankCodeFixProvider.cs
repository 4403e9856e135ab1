using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using RnnShapeAnalyzers.ShapeRules;

namespace RnnShapeAnalyzers.CodeFixes
{
    /// <summary>RNN004: a 2-D input gets its missing batch dimension with <c>.unsqueeze(batchFirst ? 0 : 1)</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InputRankCodeFixProvider)), Shared]
    public sealed class InputRankCodeFixProvider : ShapeCodeFixProvider
    {
        public const string AddBatchDimension = RuleIds.InputRank + ".AddBatchDimension";

        private static readonly IReadOnlyList<ShapeFix> FixList = new[]
        {
            new ShapeFix(AddBatchDimension, d => $"Add the batch dimension with .unsqueeze({DiagnosticFacts.Get(d, DiagnosticFacts.UnsqueezeDimension)})", Edits),
        };

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.InputRank);

        internal override IReadOnlyList<ShapeFix> Fixes => FixList;

        private static IReadOnlyList<SyntaxEdit>? Edits(Diagnostic diagnostic)
        {
            if (!int.TryParse(DiagnosticFacts.Get(diagnostic, DiagnosticFacts.UnsqueezeDimension), NumberStyles.None, CultureInfo.InvariantCulture, out var dimension))
            {
                return null;
            }

            return new[] { new SyntaxEdit(diagnostic.Location, node => SyntaxTransforms.WithUnsqueeze(node, dimension)) };
        }
    }
}
