using System;
using Microsoft.CodeAnalysis;

namespace RnnShapeAnalyzers.CodeFixes
{
    /// <summary>
    /// One change a fix makes: the node at <see cref="Target"/> is replaced by <see cref="Transform"/>
    /// applied to its current form. Transforms are written so that applying one twice, or after
    /// another edit inside the same node, still gives the right code; that is what lets Fix All
    /// apply many diagnostics' edits to one document with a single editor.
    /// </summary>
    internal sealed class SyntaxEdit
    {
        public SyntaxEdit(Location target, Func<SyntaxNode, SyntaxNode> transform)
        {
            Target = target;
            Transform = transform;
        }

        public Location Target { get; }

        public Func<SyntaxNode, SyntaxNode> Transform { get; }
    }
}
