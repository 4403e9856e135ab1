using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;

namespace RnnShapeAnalyzers.Tests.ModelCorpus
{
    /// <summary>
    /// The diagnostics a broken model marks in place: <c>/*~RNN011*/</c> right before the first character
    /// of the reported expression and <c>/*~*/</c> right after its last; several ids on one span are
    /// separated by commas. The markers are comments, so the file is analyzed exactly as written and the
    /// spans are offsets into that text.
    /// </summary>
    internal static class DiagnosticMarkers
    {
        private static readonly Regex Marker = new Regex(@"/\*~(?<ids>[^*]*)\*/", RegexOptions.CultureInvariant);

        private static readonly Regex RuleId = new Regex(@"^RNN\d{3}$", RegexOptions.CultureInvariant);

        /// <summary>Every marked diagnostic of <paramref name="text"/>; throws on a malformed marker, so a typo never silently expects less.</summary>
        public static ImmutableArray<ExpectedDiagnostic> Parse(string text)
        {
            var open = new Stack<(string[] Ids, int SpanStart, int MarkerStart)>();
            var result = ImmutableArray.CreateBuilder<ExpectedDiagnostic>();
            foreach (Match marker in Marker.Matches(text))
            {
                var ids = marker.Groups["ids"].Value;
                if (ids.Length > 0)
                {
                    var split = ids.Split(',');
                    foreach (var id in split)
                    {
                        if (!RuleId.IsMatch(id))
                        {
                            throw new FormatException($"Marker {marker.Value} at offset {marker.Index}: '{id}' is not a rule id like RNN001.");
                        }
                    }

                    open.Push((split, marker.Index + marker.Length, marker.Index));
                    continue;
                }

                if (open.Count == 0)
                {
                    throw new FormatException($"Closing marker /*~*/ at offset {marker.Index} has no opening marker.");
                }

                var (openIds, spanStart, markerStart) = open.Pop();
                var span = TextSpan.FromBounds(spanStart, marker.Index);
                if (span.IsEmpty || char.IsWhiteSpace(text[span.Start]) || char.IsWhiteSpace(text[span.End - 1]))
                {
                    throw new FormatException($"Marker at offset {markerStart} encloses '{text.Substring(span.Start, span.Length)}': a span is an expression, with no white space at its ends.");
                }

                foreach (var id in openIds)
                {
                    result.Add(new ExpectedDiagnostic(id, span));
                }
            }

            if (open.Count > 0)
            {
                throw new FormatException($"Marker at offset {open.Peek().MarkerStart} is never closed with /*~*/.");
            }

            return result.ToImmutable();
        }
    }

    /// <summary>A diagnostic id at a span of the file's text.</summary>
    internal readonly record struct ExpectedDiagnostic(string Id, TextSpan Span);
}
