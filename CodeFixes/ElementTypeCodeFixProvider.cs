using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using RnnShapeAnalyzers.ShapeRules;

namespace RnnShapeAnalyzers.CodeFixes
{
    /// <summary>
    /// RNN005. First: convert the tensor to the layer's dtype with <c>.to(ScalarType.X)</c> (changes one
    /// call only). Second, when the layer is built in one place: build it with the tensor's dtype.
    /// See docs/rules/RNN005.md.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ElementTypeCodeFixProvider)), Shared]
    public sealed class ElementTypeCodeFixProvider : ShapeCodeFixProvider
    {
        public const string ConvertTensor = RuleIds.ElementType + ".ConvertTensor";
        public const string SetLayerDtype = RuleIds.ElementType + ".SetLayerDtype";

        private static readonly IReadOnlyList<ShapeFix> FixList = new[]
        {
            new ShapeFix(ConvertTensor, d => $"Convert with .to(ScalarType.{DiagnosticFacts.Get(d, DiagnosticFacts.LayerElementType)})", ConvertTensorEdits),
            new ShapeFix(SetLayerDtype, d => $"Build the layer with dtype: ScalarType.{DiagnosticFacts.Get(d, DiagnosticFacts.TensorElementType)}", SetLayerDtypeEdits),
        };

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.ElementType);

        internal override IReadOnlyList<ShapeFix> Fixes => FixList;

        private static IReadOnlyList<SyntaxEdit>? ConvertTensorEdits(Diagnostic diagnostic)
        {
            if (ScalarTypeExpression(DiagnosticFacts.Get(diagnostic, DiagnosticFacts.LayerElementType)) is not { } type)
            {
                return null;
            }

            return new[] { new SyntaxEdit(diagnostic.Location, node => SyntaxTransforms.WithMethodCall(node, "to", type)) };
        }

        private static IReadOnlyList<SyntaxEdit>? SetLayerDtypeEdits(Diagnostic diagnostic)
        {
            var factory = DiagnosticFacts.GetLocation(diagnostic, DiagnosticFacts.LayerFactory);
            if (factory is null || ScalarTypeExpression(DiagnosticFacts.Get(diagnostic, DiagnosticFacts.TensorElementType)) is not { } type)
            {
                return null;
            }

            return new[] { new SyntaxEdit(factory, node => SyntaxTransforms.WithNamedArgument(node, "dtype", type)) };
        }

        /// <summary><c>ScalarType.Float32</c>, written fully qualified and simplified by the code action where usings allow.</summary>
        private static Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax? ScalarTypeExpression(string? name)
            => name is null || !Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(name)
                ? null
                : (Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax)Microsoft.CodeAnalysis.CSharp.SyntaxFactory.ParseExpression("global::TorchSharp.torch.ScalarType." + name)
                    .WithAdditionalAnnotations(Microsoft.CodeAnalysis.Simplification.Simplifier.Annotation);
    }
}
