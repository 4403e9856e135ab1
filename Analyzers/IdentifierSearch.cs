using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RnnShapeAnalyzers
{
    /// <summary>
    /// Finds the identifier tokens spelled as one of a few names under a syntax node by searching the
    /// source text for the names and asking the tree for the token at each hit, instead of walking every
    /// node. In a build the methods are bound already (the compiler hands analyzers its bound trees), and
    /// a walk of every node of a file was most of what finding and binding the calls cost: 100 to 220 ms
    /// against 4 to 10 ms for this search over the benchmark corpus (Benchmarks/README.md#analyzer).
    /// </summary>
    /// <remarks>
    /// A name written with a Unicode escape (<c>c\u0061ll</c>) or with a formatting character in it
    /// (a soft hyphen, which the compiler drops from the name) is not in the text as such: a scope whose
    /// text holds <c>\u</c>, <c>\U</c> or a formatting character anywhere is walked instead, so both
    /// ways find the same tokens.
    /// </remarks>
    internal static class IdentifierSearch
    {
        /// <summary>
        /// The identifier tokens under <paramref name="scope"/> whose value is one of
        /// <paramref name="names"/> (<c>@name</c> included; names in comments, strings and trivia not),
        /// in source order.
        /// </summary>
        public static List<SyntaxToken> Find(SyntaxNode scope, IReadOnlyCollection<string> names, CancellationToken cancellationToken)
        {
            var found = new List<SyntaxToken>();
            if (names.Count == 0)
            {
                return found;
            }

            var span = scope.Span;

            // The scope's text is searched in a pooled copy: a string of it per call would be garbage the
            // size of the file, in every file of a build.
            var buffer = ArrayPool<char>.Shared.Rent(Math.Max(span.Length, 1));
            try
            {
                scope.SyntaxTree.GetText(cancellationToken).CopyTo(span.Start, buffer, 0, span.Length);
                var text = new ReadOnlySpan<char>(buffer, 0, span.Length);
                if (MaySpellNamesDifferently(text))
                {
                    return FindByWalking(scope, names, cancellationToken);
                }

                foreach (var name in names)
                {
                    if (name.Length == 0)
                    {
                        continue;
                    }

                    for (var from = 0; from < text.Length;)
                    {
                        var hit = text.Slice(from).IndexOf(name.AsSpan());
                        if (hit < 0)
                        {
                            break;
                        }

                        var at = from + hit;
                        from = at + name.Length;
                        cancellationToken.ThrowIfCancellationRequested();
                        var token = scope.FindToken(span.Start + at);
                        var start = token.SpanStart - span.Start;
                        if (token.RawKind == (int)SyntaxKind.IdentifierToken
                            && (start == at || (start == at - 1 && start >= 0 && text[start] == '@'))
                            && token.ValueText == name)
                        {
                            found.Add(token);
                        }
                    }
                }
            }
            finally
            {
                ArrayPool<char>.Shared.Return(buffer);
            }

            if (names.Count > 1)
            {
                found.Sort((a, b) => a.SpanStart.CompareTo(b.SpanStart));
            }

            return found;
        }

        /// <summary>
        /// True when an identifier in <paramref name="text"/> may be spelled otherwise than its value: a
        /// Unicode escape (<c>c\u0061ll</c>), or a formatting character such as a soft hyphen, which
        /// the compiler leaves out of an identifier's value.
        /// </summary>
        private static bool MaySpellNamesDifferently(ReadOnlySpan<char> text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\\' && i + 1 < text.Length && (text[i + 1] == 'u' || text[i + 1] == 'U'))
                {
                    return true;
                }

                if (c >= 0x80 && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The same tokens, found by visiting every token under <paramref name="scope"/>.</summary>
        internal static List<SyntaxToken> FindByWalking(SyntaxNode scope, IReadOnlyCollection<string> names, CancellationToken cancellationToken)
        {
            var wanted = new HashSet<string>(names, StringComparer.Ordinal);
            var found = new List<SyntaxToken>();
            foreach (var token in scope.DescendantTokens())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (token.RawKind == (int)SyntaxKind.IdentifierToken && wanted.Contains(token.ValueText))
                {
                    found.Add(token);
                }
            }

            return found;
        }
    }
}
