using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace RnnShapeAnalyzers.CodeFixes
{
    /// <summary>
    /// The edit shared by the fixes that set a layer's input size to the features its input has: RNN001
    /// (inputSize), RNN009 and RNN011 (inputSize after another layer), RNN010 (a Linear's in_features).
    /// The analyzer hands over the argument to change and the input's shape.
    /// </summary>
    internal static class LayerInputSizeEdits
    {
        public static long? Features(Diagnostic diagnostic, string key)
        {
            var shape = DiagnosticShapes.Read(diagnostic, key);
            return shape is { Length: > 0 } ? shape[shape.Length - 1] : null;
        }

        public static IReadOnlyList<SyntaxEdit>? SetToInputFeatures(Diagnostic diagnostic)
        {
            var location = DiagnosticFacts.GetLocation(diagnostic, DiagnosticFacts.LayerInputSize);
            if (location is null || Features(diagnostic, DiagnosticFacts.ActualShape) is not long features)
            {
                return null;
            }

            return new[] { new SyntaxEdit(location, node => SyntaxTransforms.WithInteger(node, features)) };
        }
    }
}
