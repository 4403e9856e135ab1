using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using RnnShapeAnalyzers.CodeFixes;

namespace RnnShapeAnalyzers.Tests.ModelCorpus
{
    /// <summary>
    /// Runs the code fixes on a broken model and lists what went wrong. Two checks: every action any
    /// fixer offers, applied alone, leaves code that compiles, without the diagnostic it fixed and with
    /// no diagnostic that was not there before; and fixing as <c>dotnet format</c> does (the first
    /// diagnostic's first fix, applied with Fix All in the document, again until nothing is left) ends
    /// with code that compiles and has no RNN diagnostic.
    /// </summary>
    internal static class CorpusFixes
    {
        /// <summary>Every code-fix provider the CodeFixes assembly exports, found by reflection so a new one is checked without being listed here.</summary>
        public static readonly ImmutableArray<CodeFixProvider> Fixers = typeof(ShapeCodeFixProvider).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.IsDefined(typeof(ExportCodeFixProviderAttribute), inherit: false))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToImmutableArray();

        public static async Task<List<string>> CheckAsync(Document document, CancellationToken cancellationToken)
        {
            var failures = new List<string>();
            var original = await CorpusAnalysis.AnalyzeAsync(document, cancellationToken).ConfigureAwait(false);
            failures.AddRange(original.AnalyzerFailures);
            if (original.Rnn.IsEmpty)
            {
                failures.Add("the analyzer reports no RNN diagnostic on this broken model, so there is nothing to fix");
                return failures;
            }

            await CheckDeclaredUnfixableAsync(document, original, failures, cancellationToken).ConfigureAwait(false);
            await CheckEachActionAsync(document, original, failures, cancellationToken).ConfigureAwait(false);
            await CheckFixAllAsync(document, original, failures, cancellationToken).ConfigureAwait(false);
            return failures;
        }

        /// <summary>
        /// A diagnostic may go without a fix only where the file says so, with why, in a line
        /// <c>// no fix: RNN002 (reason)</c>; and a rule declared so must really get no fix in that file.
        /// Otherwise a fixer that stopped offering anything would pass the Fix All check unnoticed.
        /// </summary>
        private static async Task CheckDeclaredUnfixableAsync(Document document, CorpusAnalysisResult original, List<string> failures, CancellationToken cancellationToken)
        {
            var text = (await document.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString();
            var declared = new HashSet<string>(StringComparer.Ordinal);
            foreach (System.Text.RegularExpressions.Match match in System.Text.RegularExpressions.Regex.Matches(text, @"// no fix: (RNN\d{3}) \(.+\)"))
            {
                declared.Add(match.Groups[1].Value);
            }

            var fixedIds = new HashSet<string>(StringComparer.Ordinal);
            foreach (var diagnostic in original.Rnn)
            {
                if ((await ActionsAsync(document, diagnostic, cancellationToken).ConfigureAwait(false)).Count > 0)
                {
                    fixedIds.Add(diagnostic.Id);
                }
                else if (!declared.Contains(diagnostic.Id))
                {
                    failures.Add($"no fix is offered for {CorpusAnalysis.Describe(diagnostic)}, and the file does not declare `// no fix: {diagnostic.Id} (why)`");
                }
            }

            foreach (var id in declared)
            {
                if (fixedIds.Contains(id))
                {
                    failures.Add($"the file declares `// no fix: {id}` but a fix is offered for it");
                }
            }
        }

        private static async Task CheckEachActionAsync(Document document, CorpusAnalysisResult original, List<string> failures, CancellationToken cancellationToken)
        {
            foreach (var diagnostic in Fixable(original.Rnn))
            {
                foreach (var (_, action) in await ActionsAsync(document, diagnostic, cancellationToken).ConfigureAwait(false))
                {
                    var step = $"'{action.Title}' ({action.EquivalenceKey}) for {CorpusAnalysis.Describe(diagnostic)}";
                    var fixedDocument = await ApplyAsync(action, document.Id, cancellationToken).ConfigureAwait(false);
                    if (fixedDocument is null)
                    {
                        failures.Add($"{step} changes nothing");
                        continue;
                    }

                    var after = await CorpusAnalysis.AnalyzeAsync(fixedDocument, cancellationToken).ConfigureAwait(false);
                    AddCompilationFailures(failures, step, after);
                    var allowed = original.Rnn.Select(d => d.Id).ToList();
                    allowed.Remove(diagnostic.Id);
                    foreach (var left in after.Rnn)
                    {
                        if (!allowed.Remove(left.Id))
                        {
                            failures.Add($"{step} leaves {CorpusAnalysis.Describe(left)}: {left.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
                        }
                    }
                }
            }
        }

        private static async Task CheckFixAllAsync(Document document, CorpusAnalysisResult original, List<string> failures, CancellationToken cancellationToken)
        {
            var current = document;
            var analysis = original;

            // Each round fixes at least the diagnostic it starts from, so one round per diagnostic is enough.
            // A diagnostic no fixer offers anything for is left: its tensor is another layer's output (a
            // state from an encoder), so which layer to change is not knowable. Every fix that is offered
            // must work, and must leave no diagnostic that a fix is offered for.
            for (var round = 0; round <= original.Rnn.Length; round++)
            {
                Diagnostic? first = null;
                List<(CodeFixProvider Fixer, CodeAction Action)> offered = new();
                foreach (var candidate in Fixable(analysis.Rnn))
                {
                    offered = await ActionsAsync(current, candidate, cancellationToken).ConfigureAwait(false);
                    if (offered.Count > 0)
                    {
                        first = candidate;
                        break;
                    }
                }

                if (first is null)
                {
                    break;
                }

                var (fixer, action) = offered[0];
                var step = $"Fix All in document of '{action.EquivalenceKey}' from {CorpusAnalysis.Describe(first)}";
                var provider = fixer.GetFixAllProvider();
                if (provider is null || !provider.GetSupportedFixAllScopes().Contains(FixAllScope.Document))
                {
                    failures.Add($"{step}: {fixer.GetType().Name} has no Fix All in document");
                    return;
                }

                var context = new FixAllContext(current, fixer, FixAllScope.Document, action.EquivalenceKey, fixer.FixableDiagnosticIds, new KnownDiagnostics(analysis.Rnn), cancellationToken);
                var fixAll = await provider.GetFixAsync(context).ConfigureAwait(false);
                var fixedDocument = fixAll is null ? null : await ApplyAsync(fixAll, current.Id, cancellationToken).ConfigureAwait(false);
                if (fixedDocument is null)
                {
                    failures.Add($"{step} changes nothing");
                    return;
                }

                current = fixedDocument;
                analysis = await CorpusAnalysis.AnalyzeAsync(current, cancellationToken).ConfigureAwait(false);
                AddCompilationFailures(failures, step, analysis);
            }

            foreach (var left in Fixable(analysis.Rnn))
            {
                if ((await ActionsAsync(current, left, cancellationToken).ConfigureAwait(false)).Count == 0)
                {
                    continue;
                }

                failures.Add($"Fix All leaves {CorpusAnalysis.Describe(left)}: {left.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
            }
        }

        private static void AddCompilationFailures(List<string> failures, string step, CorpusAnalysisResult after)
        {
            failures.AddRange(after.CompilerErrors.Select(e => $"{step} leaves a compiler error: {e}"));
            failures.AddRange(after.AnalyzerFailures.Select(f => $"after {step}: {f}"));
        }

        /// <summary>The actions every fixer that claims the diagnostic's id offers for it, fixers in name order, actions in the order offered.</summary>
        private static async Task<List<(CodeFixProvider Fixer, CodeAction Action)>> ActionsAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var actions = new List<(CodeFixProvider, CodeAction)>();
            foreach (var fixer in Fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add((fixer, action)), cancellationToken);
                await fixer.RegisterCodeFixesAsync(context).ConfigureAwait(false);
            }

            return actions;
        }

        /// <summary>Computes the action's operations as a host does before applying them; the changed document, or null when it changes nothing.</summary>
        private static async Task<Document?> ApplyAsync(CodeAction action, DocumentId documentId, CancellationToken cancellationToken)
        {
            var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
            foreach (var operation in operations.OfType<ApplyChangesOperation>())
            {
                if (operation.ChangedSolution.GetDocument(documentId) is { } changed)
                {
                    await changed.GetTextAsync(cancellationToken).ConfigureAwait(false);
                    return changed;
                }
            }

            return null;
        }

        /// <summary>The diagnostics the analyzer reported, handed to Fix All as an editor's diagnostic service would.</summary>
        private sealed class KnownDiagnostics : FixAllContext.DiagnosticProvider
        {
            private readonly ImmutableArray<Diagnostic> _diagnostics;

            public KnownDiagnostics(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

            public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            {
                var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
                return _diagnostics.Where(d => d.Location.SourceTree == tree);
            }

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
                => Task.FromResult(Enumerable.Empty<Diagnostic>());

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
                => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
        }

        /// <summary>
        /// The diagnostics a fix must exist for: RNN007 (an empty sequence) has none, since the code cannot
        /// know how long the sequence should be; it must still be reported (the marked-diagnostics test).
        /// </summary>
        private static ImmutableArray<Diagnostic> Fixable(ImmutableArray<Diagnostic> diagnostics)
            => diagnostics.Where(d => d.Id != "RNN007").ToImmutableArray();
    }
}
