using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RnnShapeAnalyzers.ShapeRules;

namespace RnnShapeAnalyzers.CodeFixes
{
    /// <summary>
    /// RNN008: pass the zero state TorchSharp 0.107 does not build, <c>(zeros(N, H), zeros(N, H))</c> for
    /// LSTMCell, as the analyzer wrote it. See docs/rules/RNN008.md.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MissingCellStateCodeFixProvider)), Shared]
    public sealed class MissingCellStateCodeFixProvider : ShapeCodeFixProvider
    {
        public const string PassZeroState = RuleIds.MissingCellState + ".PassZeroState";

        private static readonly IReadOnlyList<ShapeFix> FixList = new[]
        {
            new ShapeFix(PassZeroState, _ => "Pass a zero initial state", Edits),
        };

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.MissingCellState);

        internal override IReadOnlyList<ShapeFix> Fixes => FixList;

        private static IReadOnlyList<SyntaxEdit>? Edits(Diagnostic diagnostic)
        {
            if (DiagnosticFacts.Get(diagnostic, DiagnosticFacts.StateExpression) is not { } state)
            {
                return null;
            }

            // The diagnostic is on the input argument; the edit is on the call that holds it.
            var root = diagnostic.Location.SourceTree?.GetRoot();
            var input = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var call = input?.FirstAncestorOrSelf<InvocationExpressionSyntax>(n => n.ArgumentList.Span.Contains(diagnostic.Location.SourceSpan));
            return call is null ? null : new[] { new SyntaxEdit(call.GetLocation(), node => SyntaxTransforms.WithStateArgument(node, state)) };
        }
    }
}
