using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace RnnShapeAnalyzers
{
    /// <summary>
    /// What the analyzer hands its code fixes: named string properties and named additional
    /// locations (stored as indices into <see cref="Diagnostic.AdditionalLocations"/>). The fixer
    /// reads these and never re-derives a shape.
    /// </summary>
    internal sealed class DiagnosticFacts
    {
        /// <summary>
        /// RNN001: the expression passed as the layer's <c>inputSize</c>, present only when setting it to
        /// the input's features leaves every call of the layer in the method with the right feature size.
        /// </summary>
        public const string LayerInputSize = "LayerInputSize";

        /// <summary>The layer's factory call, e.g. <c>nn.RNN(10, 20, batchFirst: true)</c>.</summary>
        public const string LayerFactory = "LayerFactory";

        /// <summary>The expression passed as the layer's <c>batchFirst</c>, when it is explicit.</summary>
        public const string LayerBatchFirst = "LayerBatchFirst";

        /// <summary>
        /// Prefix of the locations of each dimension of the offending tensor (<c>TensorDim0</c>, ...), present
        /// only when rewriting the tensor to the expected shape breaks no other call in the method it is passed to.
        /// </summary>
        public const string TensorDimension = "TensorDim";

        /// <summary>The shape the offending tensor must have, as comma-separated sizes (<c>?</c> for unknown).</summary>
        public const string ExpectedShape = "ExpectedShape";

        /// <summary>The shape the offending tensor has.</summary>
        public const string ActualShape = "ActualShape";

        /// <summary>RNN003: the batchFirst value that makes every call of the layer consistent.</summary>
        public const string SuggestedBatchFirst = "SuggestedBatchFirst";

        /// <summary>RNN004: where <c>unsqueeze</c> must add the batch dimension.</summary>
        public const string UnsqueezeDimension = "UnsqueezeDimension";

        /// <summary>
        /// Prefix of a dimension's new value written as code when it is a named dimension, not a number
        /// (<c>x.shape[1]</c> for the RNN003 fix of <c>zeros(1, x.shape[0], 20)</c>).
        /// </summary>
        public const string DimensionExpression = "DimExpr";

        /// <summary>RNN005: the dtype of the layer's parameters, e.g. <c>Float32</c>.</summary>
        public const string LayerElementType = "LayerElementType";

        /// <summary>RNN005: the dtype of the offending tensor, e.g. <c>Float64</c>.</summary>
        public const string TensorElementType = "TensorElementType";

        /// <summary>RNN008: the state to pass, as code: <c>(zeros(N, H), zeros(N, H))</c>.</summary>
        public const string StateExpression = "StateExpression";

        private readonly List<Location> _locations = new List<Location>();
        private readonly ImmutableDictionary<string, string?>.Builder _properties = ImmutableDictionary.CreateBuilder<string, string?>();

        public IReadOnlyList<Location> Locations => _locations;

        public ImmutableDictionary<string, string?> Properties => _properties.ToImmutable();

        public void Add(string key, string value) => _properties[key] = value;

        public void AddLocation(string key, SyntaxNode? node)
        {
            if (node is null)
            {
                return;
            }

            _properties[key] = _locations.Count.ToString(CultureInfo.InvariantCulture);
            _locations.Add(node.GetLocation());
        }

        public static string DimensionExpressionKey(int index) => DimensionExpression + index.ToString(CultureInfo.InvariantCulture);

        public static string TensorDimensionKey(int index) => TensorDimension + index.ToString(CultureInfo.InvariantCulture);

        public static Location? GetLocation(Diagnostic diagnostic, string key)
        {
            if (diagnostic.Properties.TryGetValue(key, out var text)
                && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index < diagnostic.AdditionalLocations.Count)
            {
                return diagnostic.AdditionalLocations[index];
            }

            return null;
        }

        public static string? Get(Diagnostic diagnostic, string key)
            => diagnostic.Properties.TryGetValue(key, out var value) ? value : null;
    }
}
