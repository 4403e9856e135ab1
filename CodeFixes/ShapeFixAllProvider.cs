using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace RnnShapeAnalyzers.CodeFixes
{
    /// <summary>
    /// Fix All for one kind of shape fix. The batch fixer merges text changes and drops overlapping
    /// ones, which breaks when two diagnostics edit one call (two forward calls both fixing the same
    /// layer's inputSize, or an argument edit inside an invocation that gets a new named argument).
    /// Here every diagnostic's edits are applied, in one editor per document, as rewrites of the current
    /// node, so they compose instead of conflicting.
    /// </summary>
    internal sealed class ShapeFixAllProvider : FixAllProvider
    {
        private readonly ShapeCodeFixProvider _fixer;

        public ShapeFixAllProvider(ShapeCodeFixProvider fixer) => _fixer = fixer;

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
            => ImmutableArray.Create(FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution);

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            // A null key is legal (FixAllState supports it) and is what dotnet format passes when the
            // first diagnostic it looked at belongs to another rule: each diagnostic then gets its first fix.
            var key = fixAllContext.CodeActionEquivalenceKey;
            if (key is not null && _fixer.FixFor(key) is null)
            {
                return null;
            }

            var diagnostics = new List<Diagnostic>();
            switch (fixAllContext.Scope)
            {
                case FixAllScope.Document when fixAllContext.Document is { } document:
                    diagnostics.AddRange(await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false));
                    break;
                case FixAllScope.Project:
                    diagnostics.AddRange(await fixAllContext.GetAllDiagnosticsAsync(fixAllContext.Project).ConfigureAwait(false));
                    break;
                case FixAllScope.Solution:
                    foreach (var project in fixAllContext.Solution.Projects)
                    {
                        fixAllContext.CancellationToken.ThrowIfCancellationRequested();
                        diagnostics.AddRange(await fixAllContext.GetAllDiagnosticsAsync(project).ConfigureAwait(false));
                    }

                    break;
                default:
                    return null;
            }

            var edits = new List<SyntaxEdit>();
            foreach (var diagnostic in diagnostics)
            {
                if (_fixer.EditsFor(diagnostic, key) is { } diagnosticEdits)
                {
                    edits.AddRange(diagnosticEdits);
                }
            }

            if (edits.Count == 0)
            {
                return null;
            }

            var solution = fixAllContext.Solution;
            return CodeAction.Create(
                "Fix all " + string.Join(", ", _fixer.FixableDiagnosticIds) + (key is null ? string.Empty : " (" + key + ")"),
                ct => ShapeCodeFixProvider.ApplyAsync(solution, edits, ct),
                key);
        }
    }
}
