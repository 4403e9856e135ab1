using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace RnnShapeAnalyzers.CodeFixes
{
    /// <summary>Reads the shapes the analyzer put in a diagnostic, and builds the edits that rewrite a tensor's dimensions.</summary>
    internal static class DiagnosticShapes
    {
        /// <summary>The sizes of a shape property; null entries are unknown. Null when absent.</summary>
        public static long?[]? Read(Diagnostic diagnostic, string key)
        {
            var text = DiagnosticFacts.Get(diagnostic, key);
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            var parts = text!.Split(',');
            var sizes = new long?[parts.Length];
            for (var i = 0; i < parts.Length; i++)
            {
                sizes[i] = long.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) ? size : null;
            }

            return sizes;
        }

        /// <summary>
        /// Edits that change every dimension of the offending tensor whose expected size is known and
        /// differs from the actual one (only <paramref name="onlyDimension"/> when given). Null when the
        /// tensor's dimensions are not written out in source or nothing would change.
        /// </summary>
        public static IReadOnlyList<SyntaxEdit>? RewriteDimensions(Diagnostic diagnostic, int? onlyDimension = null)
        {
            var expected = Read(diagnostic, DiagnosticFacts.ExpectedShape);
            var actual = Read(diagnostic, DiagnosticFacts.ActualShape);
            if (expected is null || actual is null || expected.Length != actual.Length)
            {
                return null;
            }

            var edits = new List<SyntaxEdit>();
            for (var i = 0; i < expected.Length; i++)
            {
                if (onlyDimension is int only && only != i)
                {
                    continue;
                }

                var code = DiagnosticFacts.Get(diagnostic, DiagnosticFacts.DimensionExpressionKey(i));
                if ((expected[i] is not long size || expected[i] == actual[i]) && code is null)
                {
                    continue;
                }

                var location = DiagnosticFacts.GetLocation(diagnostic, DiagnosticFacts.TensorDimensionKey(i));
                if (location is null)
                {
                    return null;
                }

                // A named dimension (x.shape[1]) is written as code; a size as a literal.
                var literal = expected[i];
                edits.Add(code is not null
                    ? new SyntaxEdit(location, node => SyntaxTransforms.WithExpression(node, code))
                    : new SyntaxEdit(location, node => SyntaxTransforms.WithInteger(node, literal!.Value)));
            }

            return edits.Count == 0 ? null : edits;
        }

        /// <summary><c>[1, 10, 20]</c>, with <c>?</c> for unknown sizes.</summary>
        public static string Format(long?[] sizes)
        {
            var parts = new string[sizes.Length];
            for (var i = 0; i < sizes.Length; i++)
            {
                parts[i] = sizes[i]?.ToString(CultureInfo.InvariantCulture) ?? "?";
            }

            return "[" + string.Join(", ", parts) + "]";
        }
    }
}
