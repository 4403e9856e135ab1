using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;

namespace RnnShapeAnalyzers.EditorHost.Tests.Lightbulbs
{
    /// <summary>A project loaded the way Visual Studio and Rider load it: MSBuild evaluates it into a Roslyn workspace.</summary>
    internal sealed class SampleWorkspace : IDisposable
    {
        private readonly MSBuildWorkspace _workspace;

        private SampleWorkspace(MSBuildWorkspace workspace, Project project, IReadOnlyList<WorkspaceDiagnostic> diagnostics)
        {
            _workspace = workspace;
            Project = project;
            Diagnostics = diagnostics;
        }

        public Project Project { get; }

        /// <summary>What went wrong or looked odd while loading.</summary>
        public IReadOnlyList<WorkspaceDiagnostic> Diagnostics { get; }

        /// <summary>Opens <paramref name="projectPath"/>; <see cref="MSBuildRegistration.EnsureRegistered"/> must have run.</summary>
        public static async Task<SampleWorkspace> OpenAsync(string projectPath, CancellationToken cancellationToken)
        {
            var workspace = MSBuildWorkspace.Create();
            var diagnostics = new List<WorkspaceDiagnostic>();
            workspace.WorkspaceFailed += (_, e) =>
            {
                lock (diagnostics)
                {
                    diagnostics.Add(e.Diagnostic);
                }
            };
            try
            {
                var project = await workspace.OpenProjectAsync(projectPath, cancellationToken: cancellationToken).ConfigureAwait(false);
                return new SampleWorkspace(workspace, project, diagnostics);
            }
            catch
            {
                workspace.Dispose();
                throw;
            }
        }

        public void Dispose() => _workspace.Dispose();
    }
}
