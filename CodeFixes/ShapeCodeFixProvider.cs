using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;

namespace RnnShapeAnalyzers.CodeFixes
{
    /// <summary>
    /// The shared machinery of every fixer: a rule's fixes are listed safest first (the first one is
    /// what <c>dotnet format</c> applies), each is offered only when it applies, and all of them go
    /// through <see cref="ShapeFixAllProvider"/> so Fix All works at document, project and solution scope.
    /// </summary>
    public abstract class ShapeCodeFixProvider : CodeFixProvider
    {
        internal abstract IReadOnlyList<ShapeFix> Fixes { get; }

        public sealed override FixAllProvider GetFixAllProvider() => new ShapeFixAllProvider(this);

        public sealed override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                // Hosts may hand a fixer diagnostics it does not fix (dotnet format passes the first
                // diagnostic of any id it was asked for); those get no action.
                if (!FixableDiagnosticIds.Contains(diagnostic.Id))
                {
                    continue;
                }

                foreach (var fix in Fixes)
                {
                    var edits = fix.Edits(diagnostic);
                    if (edits is null || edits.Count == 0)
                    {
                        continue;
                    }

                    var solution = context.Document.Project.Solution;
                    context.RegisterCodeFix(
                        CodeAction.Create(fix.Title(diagnostic), ct => ApplyAsync(solution, edits, ct), fix.EquivalenceKey),
                        diagnostic);
                }
            }

            return Task.CompletedTask;
        }

        internal ShapeFix? FixFor(string equivalenceKey) => Fixes.FirstOrDefault(f => f.EquivalenceKey == equivalenceKey);

        /// <summary>
        /// The edits of the fix named by <paramref name="equivalenceKey"/>; with no key (dotnet format
        /// passes none when its first diagnostic belongs to another rule), the first fix that applies.
        /// </summary>
        internal IReadOnlyList<SyntaxEdit>? EditsFor(Diagnostic diagnostic, string? equivalenceKey)
        {
            if (!FixableDiagnosticIds.Contains(diagnostic.Id))
            {
                return null;
            }

            foreach (var fix in Fixes)
            {
                if (equivalenceKey is null || fix.EquivalenceKey == equivalenceKey)
                {
                    if (fix.Edits(diagnostic) is { Count: > 0 } edits)
                    {
                        return edits;
                    }
                }
            }

            return null;
        }

        /// <summary>Applies edits that may span several documents, one editor per document.</summary>
        internal static async Task<Solution> ApplyAsync(Solution solution, IEnumerable<SyntaxEdit> edits, CancellationToken cancellationToken)
        {
            foreach (var group in edits.Where(e => e.Target.SourceTree is not null).GroupBy(e => e.Target.SourceTree!))
            {
                var document = solution.GetDocument(group.Key);
                if (document is null)
                {
                    continue;
                }

                var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
                var root = editor.OriginalRoot;

                // Several diagnostics may edit the same node (two calls of one layer both setting its
                // inputSize, h0 and c0 both flipping its batchFirst, one tensor used as h0 and c0). The
                // editor cannot replace a node twice once the first replacement is a new node, so the
                // transforms of one node are composed into a single replacement.
                var transforms = new Dictionary<SyntaxNode, List<Func<SyntaxNode, SyntaxNode>>>();
                var order = new List<SyntaxNode>();
                foreach (var edit in group)
                {
                    var span = edit.Target.SourceSpan;
                    if (span.End > root.FullSpan.End)
                    {
                        continue;
                    }

                    var node = root.FindNode(span, getInnermostNodeForTie: true);
                    if (!transforms.TryGetValue(node, out var list))
                    {
                        list = new List<Func<SyntaxNode, SyntaxNode>>();
                        transforms.Add(node, list);
                        order.Add(node);
                    }

                    list.Add(edit.Transform);
                }

                foreach (var node in order)
                {
                    var list = transforms[node];
                    editor.ReplaceNode(node, (current, _) =>
                    {
                        foreach (var transform in list)
                        {
                            current = transform(current);
                        }

                        return current;
                    });
                }

                solution = editor.GetChangedDocument().Project.Solution;
            }

            return solution;
        }
    }
}
