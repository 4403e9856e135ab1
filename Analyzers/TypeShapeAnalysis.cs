using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using RnnShapeAnalyzers.Tracking;

namespace RnnShapeAnalyzers
{
    /// <summary>
    /// One type's candidate calls (and the semantic models of their files), and their check. Lives as
    /// long as one file's analysis: nothing is kept across files or compilations.
    /// </summary>
    internal sealed class TypeShapeAnalysis
    {
        private readonly INamedTypeSymbol _type;
        private readonly TorchSharpSymbols _symbols;
        private readonly List<IInvocationOperation> _candidates = new List<IInvocationOperation>();
        private readonly Dictionary<SyntaxTree, SemanticModel> _models = new Dictionary<SyntaxTree, SemanticModel>();

        public TypeShapeAnalysis(INamedTypeSymbol type, TorchSharpSymbols symbols)
        {
            _type = type;
            _symbols = symbols;
        }

        public void AddCandidate(IInvocationOperation invocation, SemanticModel model)
        {
            _candidates.Add(invocation);
            _models[model.SyntaxTree] = model;
        }

        /// <summary>The candidate calls of the type's declarations outside <paramref name="analysedTree"/>, when it is partial across files.</summary>
        public void AddCandidatesOfOtherFiles(SyntaxTree analysedTree, Compilation compilation, CancellationToken cancellationToken)
        {
            foreach (var reference in _type.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree == analysedTree)
                {
                    continue;
                }

                var model = Model(compilation, reference.SyntaxTree);
                CandidateCalls.Collect(
                    reference.GetSyntax(cancellationToken),
                    model,
                    _symbols,
                    (type, call) =>
                    {
                        if (SymbolEqualityComparer.Default.Equals(type, _type))
                        {
                            AddCandidate(call, model);
                        }
                    },
                    cancellationToken);
            }
        }

        public void Analyze(Compilation compilation, System.Action<Diagnostic> reportDiagnostic, CancellationToken cancellationToken)
        {
            if (_candidates.Count == 0)
            {
                return;
            }

            // Diagnostics come out in source order, a partial type's files by path.
            _candidates.Sort((a, b) => a.Syntax.SyntaxTree == b.Syntax.SyntaxTree
                ? a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart)
                : string.CompareOrdinal(a.Syntax.SyntaxTree.FilePath, b.Syntax.SyntaxTree.FilePath));

            var evaluator = new ShapeEvaluator(_symbols, () => new MemberWriteIndex(_type, name => WritesNaming(name, compilation, cancellationToken), cancellationToken), cancellationToken);
            new CallShapeChecker(evaluator, reportDiagnostic, cancellationToken).Check(_candidates);
        }

        /// <summary>
        /// Every operation that may write the type's field or property called <paramref name="name"/>,
        /// found by syntax in all of the type's declarations: its initializer, and in every member body the
        /// assignments, increments, ref/out arguments and ref expressions whose target names it. Only
        /// those are bound (most are in the constructor); no member's operation tree is walked.
        /// </summary>
        private IEnumerable<IOperation> WritesNaming(string name, Compilation compilation, CancellationToken cancellationToken)
        {
            foreach (var reference in _type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration)
                {
                    continue;
                }

                var model = Model(compilation, declaration.SyntaxTree);
                foreach (var node in MemberWriteSyntax.Naming(declaration, name, cancellationToken))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (model.GetOperation(node, cancellationToken) is { } operation)
                    {
                        yield return operation;
                    }
                }
            }
        }

        private SemanticModel Model(Compilation compilation, SyntaxTree tree)
        {
            if (!_models.TryGetValue(tree, out var model))
            {
                // Only for the other files of a type declared partial across files; the analysed file's
                // own model is used otherwise.
#pragma warning disable RS1030 // A semantic model action has its own file's model only, and the type's other files are needed.
                model = compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                _models.Add(tree, model);
            }

            return model;
        }
    }
}
