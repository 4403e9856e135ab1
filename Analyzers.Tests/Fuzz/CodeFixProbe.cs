using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using RnnShapeAnalyzers.CodeFixes;

namespace RnnShapeAnalyzers.Tests.Fuzz
{
    /// <summary>
    /// Runs every code fix on a variant as an editor does: the variant is a document of an
    /// <see cref="AdhocWorkspace"/> project, whose diagnostics come from a compilation of the document's
    /// own syntax tree; each fixer that claims a diagnostic's id is asked
    /// for its actions, every action offered is applied (operations computed, changed document read and
    /// analyzed again), and, once per fixer and equivalence key, Fix All at document scope is started from
    /// the first diagnostic that offered that key. Whatever throws is recorded with the step it threw in.
    /// </summary>
    internal static class CodeFixProbe
    {
        /// <summary>Every exported fixer, found as the model corpus finds them, so a new fixer is fuzzed without being listed here.</summary>
        public static readonly ImmutableArray<CodeFixProvider> Fixers = ModelCorpus.CorpusFixes.Fixers;

        private static readonly AdhocWorkspace Workspace = new AdhocWorkspace();

        /// <summary>
        /// The variant as the only document of a fresh project (never applied to the workspace, so runs
        /// in parallel do not interfere). The caller compiles the document's own tree, so the
        /// diagnostics it gets point into the document, as a host's do.
        /// </summary>
        public static Document CreateDocument(string text, bool isProgram)
        {
            var projectId = ProjectId.CreateNewId();
            var solution = Workspace.CurrentSolution.AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Default,
                "Fuzz",
                "Fuzz",
                LanguageNames.CSharp,
                compilationOptions: FuzzCompilation.Options(isProgram),
                parseOptions: FuzzCompilation.ParseOptions,
                metadataReferences: FuzzCompilation.References));
            var documentId = DocumentId.CreateNewId(projectId);
            solution = solution.AddDocument(documentId, "Variant.cs", SourceText.From(text));
            if (isProgram)
            {
                solution = solution.AddDocument(DocumentId.CreateNewId(projectId), "ImplicitUsings.cs", SourceText.From(FuzzCompilation.ImplicitUsings));
            }

            return solution.GetDocument(documentId)!;
        }

        /// <summary>Every fix, and Fix All, for the RNN <paramref name="diagnostics"/> the analyzer reported in <paramref name="document"/>.</summary>
        public static async Task<FixRun> RunAsync(Document document, bool isProgram, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var run = new FixRun();
            var fixAllStarted = new HashSet<(CodeFixProvider, string?)>();
            foreach (var diagnostic in diagnostics)
            {
                foreach (var fixer in Fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
                {
                    var actions = new List<CodeAction>();
                    var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
                    if (!await StepAsync(run, $"{fixer.GetType().Name}.RegisterCodeFixesAsync for {diagnostic}", () => fixer.RegisterCodeFixesAsync(context)).ConfigureAwait(false))
                    {
                        continue;
                    }

                    foreach (var action in actions)
                    {
                        run.ActionsOffered++;
                        await StepAsync(run, $"applying '{action.Title}' ({action.EquivalenceKey}) for {diagnostic}", async () =>
                        {
                            if (await ApplyAsync(action, document.Id, cancellationToken).ConfigureAwait(false) is { } fixedDocument)
                            {
                                run.FixesApplied++;
                                await AnalyzeFixedAsync(run, fixedDocument, isProgram, action.Title, cancellationToken).ConfigureAwait(false);
                            }
                        }).ConfigureAwait(false);

                        if (fixAllStarted.Add((fixer, action.EquivalenceKey)))
                        {
                            await StepAsync(run, $"Fix All in document ({action.EquivalenceKey}) from {diagnostic}", async () =>
                            {
                                var provider = fixer.GetFixAllProvider();
                                if (provider is null || !provider.GetSupportedFixAllScopes().Contains(FixAllScope.Document))
                                {
                                    return;
                                }

                                var fixAllContext = new FixAllContext(document, fixer, FixAllScope.Document, action.EquivalenceKey, fixer.FixableDiagnosticIds, new KnownDiagnostics(diagnostics), cancellationToken);
                                var fixAll = await provider.GetFixAsync(fixAllContext).ConfigureAwait(false);
                                if (fixAll is not null && await ApplyAsync(fixAll, document.Id, cancellationToken).ConfigureAwait(false) is { } fixedDocument)
                                {
                                    run.FixAllApplied++;
                                    await AnalyzeFixedAsync(run, fixedDocument, isProgram, fixAll.Title, cancellationToken).ConfigureAwait(false);
                                }
                            }).ConfigureAwait(false);
                        }
                    }
                }
            }

            return run;
        }

        /// <summary>Computes the action's operations as the host does before applying them; the changed document, or null when it changes nothing.</summary>
        private static async Task<Document?> ApplyAsync(CodeAction action, DocumentId documentId, CancellationToken cancellationToken)
        {
            var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
            foreach (var operation in operations.OfType<ApplyChangesOperation>())
            {
                if (operation.ChangedSolution.GetDocument(documentId) is { } changed)
                {
                    // Reading the text and the tree forces every deferred edit and formatting step.
                    await changed.GetTextAsync(cancellationToken).ConfigureAwait(false);
                    await changed.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                    return changed;
                }
            }

            return null;
        }

        private static async Task AnalyzeFixedAsync(FixRun run, Document fixedDocument, bool isProgram, string title, CancellationToken cancellationToken)
        {
            var tree = (await fixedDocument.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false))!;
            var analysis = await AnalyzerProbe.RunAsync(FuzzCompilation.Create(tree, isProgram), cancellationToken).ConfigureAwait(false);
            run.Failures.AddRange(analysis.Failures.Select(f => $"analyzer on the code after '{title}': {f}"));
        }

        private static async Task<bool> StepAsync(FixRun run, string step, Func<Task> action)
        {
            try
            {
                await action().ConfigureAwait(false);
                return true;
            }
            catch (Exception exception)
            {
                // Recorded, not swallowed: every entry fails the fuzz test.
                run.Failures.Add($"{step} threw {exception}");
                return false;
            }
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
    }

    /// <summary>What running the fixes on one variant did.</summary>
    internal sealed class FixRun
    {
        public int ActionsOffered { get; set; }

        public int FixesApplied { get; set; }

        public int FixAllApplied { get; set; }

        public List<string> Failures { get; } = new List<string>();
    }
}
