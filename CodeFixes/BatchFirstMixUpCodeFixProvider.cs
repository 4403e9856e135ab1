using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RnnShapeAnalyzers.ShapeRules;

namespace RnnShapeAnalyzers.CodeFixes
{
    /// <summary>
    /// RNN003. First, when the analyzer proved it makes every call of the layer consistent: flip
    /// batchFirst. The input and the state agree with each other on the batch; only the flag
    /// disagrees, so the flag is the likelier mistake, and flipping it keeps the batch the author
    /// built (the seed article's "10 time steps, batch of 32"). Second: give the state the batch the
    /// layer reads from the input (which reinterprets the data's leading dimensions).
    /// See docs/rules/RNN003.md.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BatchFirstMixUpCodeFixProvider)), Shared]
    public sealed class BatchFirstMixUpCodeFixProvider : ShapeCodeFixProvider
    {
        public const string FlipBatchFirst = RuleIds.BatchFirstMixUp + ".FlipBatchFirst";
        public const string RewriteStateBatch = RuleIds.BatchFirstMixUp + ".RewriteStateBatch";

        private static readonly IReadOnlyList<ShapeFix> FixList = new[]
        {
            new ShapeFix(FlipBatchFirst, d => $"Set batchFirst: {DiagnosticFacts.Get(d, DiagnosticFacts.SuggestedBatchFirst)}", FlipBatchFirstEdits),
            new ShapeFix(RewriteStateBatch, d => $"Change the state's batch to {Batch(d)}", d => DiagnosticShapes.RewriteDimensions(d, onlyDimension: 1)),
        };

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.BatchFirstMixUp);

        internal override IReadOnlyList<ShapeFix> Fixes => FixList;

        private static string Batch(Diagnostic diagnostic)
        {
            var expected = DiagnosticShapes.Read(diagnostic, DiagnosticFacts.ExpectedShape);
            return expected is { Length: 3 } && expected[1] is long batch
                ? batch.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : DiagnosticFacts.Get(diagnostic, DiagnosticFacts.DimensionExpressionKey(1)) ?? "?";
        }

        private static IReadOnlyList<SyntaxEdit>? FlipBatchFirstEdits(Diagnostic diagnostic)
        {
            var value = DiagnosticFacts.Get(diagnostic, DiagnosticFacts.SuggestedBatchFirst);
            if (value is not ("true" or "false"))
            {
                return null;
            }

            var batchFirst = value == "true";
            if (DiagnosticFacts.GetLocation(diagnostic, DiagnosticFacts.LayerBatchFirst) is { } argument)
            {
                return new[] { new SyntaxEdit(argument, node => SyntaxTransforms.WithBoolean(node, batchFirst)) };
            }

            if (DiagnosticFacts.GetLocation(diagnostic, DiagnosticFacts.LayerFactory) is { } factory)
            {
                ExpressionSyntax literal = SyntaxFactory.LiteralExpression(batchFirst ? SyntaxKind.TrueLiteralExpression : SyntaxKind.FalseLiteralExpression);
                return new[] { new SyntaxEdit(factory, node => SyntaxTransforms.WithNamedArgument(node, "batchFirst", literal)) };
            }

            return null;
        }
    }
}
