using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace RnnShapeAnalyzers.CodeFixes
{
    /// <summary>
    /// One kind of fix for one rule: a stable equivalence key (the kind of change, never the new value,
    /// so Fix All and <c>dotnet format</c> group all diagnostics under it), a title, and the edits
    /// for a given diagnostic, or null when this fix does not apply to it.
    /// </summary>
    internal sealed class ShapeFix
    {
        private readonly Func<Diagnostic, string> _title;
        private readonly Func<Diagnostic, IReadOnlyList<SyntaxEdit>?> _edits;

        public ShapeFix(string equivalenceKey, Func<Diagnostic, string> title, Func<Diagnostic, IReadOnlyList<SyntaxEdit>?> edits)
        {
            EquivalenceKey = equivalenceKey;
            _title = title;
            _edits = edits;
        }

        public string EquivalenceKey { get; }

        public string Title(Diagnostic diagnostic) => _title(diagnostic);

        public IReadOnlyList<SyntaxEdit>? Edits(Diagnostic diagnostic) => _edits(diagnostic);
    }
}
