using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RnnShapeAnalyzers.EditorHost.Tests.Lightbulbs
{
    /// <summary>
    /// What an IDE does between a squiggle and an applied lightbulb: run the analyzers on the project's
    /// compilation with its analyzer options, ask every fixer that claims a diagnostic's id for its
    /// actions, and apply an action's changes to the solution.
    /// </summary>
    internal sealed class LightbulbHost
    {
        private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;
        private readonly ImmutableArray<CodeFixProvider> _fixers;
        private readonly List<string> _analyzerExceptions = new List<string>();

        public LightbulbHost(ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<CodeFixProvider> fixers)
        {
            _analyzers = analyzers;
            _fixers = fixers;
        }

        /// <summary>Exceptions the analyzers threw (an IDE shows them as AD0001).</summary>
        public IReadOnlyList<string> AnalyzerExceptions
        {
            get
            {
                lock (_analyzerExceptions)
                {
                    return _analyzerExceptions.ToArray();
                }
            }
        }

        public static async Task<ImmutableArray<Diagnostic>> CompilerErrorsAsync(Project project, CancellationToken cancellationToken)
        {
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            return compilation!.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        }

        public async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project, CancellationToken cancellationToken)
        {
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            var options = new CompilationWithAnalyzersOptions(
                project.AnalyzerOptions,
                onAnalyzerException: (exception, analyzer, _) =>
                {
                    lock (_analyzerExceptions)
                    {
                        _analyzerExceptions.Add(analyzer + ": " + exception);
                    }
                },
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false);
            var diagnostics = await compilation!.WithAnalyzers(_analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            return diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray();
        }

        /// <summary>The lightbulb for <paramref name="diagnostic"/>: every fixer's actions, in the order registered.</summary>
        public async Task<IReadOnlyList<CodeAction>> GetFixesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var actions = new List<CodeAction>();
            foreach (var fixer in _fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
                await fixer.RegisterCodeFixesAsync(context).ConfigureAwait(false);
            }

            return actions;
        }

        /// <summary>The solution after <paramref name="action"/>, as a host computes it before applying it to the workspace.</summary>
        public static async Task<Solution> ApplyAsync(CodeAction action, CancellationToken cancellationToken)
        {
            var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
            return operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        }
    }
}
