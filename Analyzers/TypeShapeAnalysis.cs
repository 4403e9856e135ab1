using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using RnnShapeAnalyzers.Tracking;

namespace RnnShapeAnalyzers
{
    /// <summary>
    /// What the analyzer gathers about one type while its members are analysed (the candidate calls and
    /// the semantic model of their trees), and the check at the end of the type. Lives as long as the
    /// type's analysis: nothing is kept across types or compilations.
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
            lock (_candidates)
            {
                _candidates.Add(invocation);
                _models[model.SyntaxTree] = model;
            }
        }

        public void Analyze(SymbolAnalysisContext context)
        {
            List<IInvocationOperation> candidates;
            lock (_candidates)
            {
                if (_candidates.Count == 0)
                {
                    return;
                }

                candidates = new List<IInvocationOperation>(_candidates);
            }

            // Diagnostics come out in source order whatever order the members were analysed in.
            candidates.Sort((a, b) => a.Syntax.SyntaxTree == b.Syntax.SyntaxTree
                ? a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart)
                : string.CompareOrdinal(a.Syntax.SyntaxTree.FilePath, b.Syntax.SyntaxTree.FilePath));

            var cancellationToken = context.CancellationToken;
            var evaluator = new ShapeEvaluator(_symbols, () => MemberWriteIndex.Build(_type, MemberBodies(context.Compilation, cancellationToken), cancellationToken), cancellationToken);
            new CallShapeChecker(evaluator, context.ReportDiagnostic, cancellationToken).Check(candidates);
        }

        /// <summary>
        /// The operation trees of every member of the type that can assign a field or property: method,
        /// constructor and accessor bodies, expression bodies, field and property initializers. Built only
        /// when a call's layer or sizes lead to a member.
        /// </summary>
        private IEnumerable<IOperation> MemberBodies(Compilation compilation, CancellationToken cancellationToken)
        {
            var names = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var member in _type.GetMembers())
            {
                if (member is IFieldSymbol or IPropertySymbol && !member.IsImplicitlyDeclared)
                {
                    names.Add(member.Name);
                }
            }

            foreach (var reference in _type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration)
                {
                    continue;
                }

                var model = Model(compilation, declaration.SyntaxTree);
                foreach (var member in declaration.Members)
                {
                    foreach (var body in Bodies(member))
                    {
                        // A body that never names a field or property of the type cannot assign one: it is not
                        // bound. An initializer assigns the member it belongs to without naming it.
                        if (body is not EqualsValueClauseSyntax && !MentionsAny(body, names))
                        {
                            continue;
                        }

                        if (model.GetOperation(body, cancellationToken) is { } operation)
                        {
                            yield return operation;
                        }
                    }
                }
            }
        }

        private SemanticModel Model(Compilation compilation, SyntaxTree tree)
        {
            lock (_candidates)
            {
                if (!_models.TryGetValue(tree, out var model))
                {
                    // Only for a part of a partial type in a file without a candidate call; the file's
                    // own model is reused otherwise.
#pragma warning disable RS1030 // The symbol end action has no semantic model, and members of other files are needed.
                    model = compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                    _models.Add(tree, model);
                }

                return model;
            }
        }

        private static bool MentionsAny(SyntaxNode body, HashSet<string> names)
        {
            foreach (var token in body.DescendantTokens())
            {
                if (token.RawKind == (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken && names.Contains(token.ValueText))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The syntax nodes of one member whose operations may assign a member. Nested types are theirs.</summary>
        private static IEnumerable<SyntaxNode> Bodies(MemberDeclarationSyntax member)
        {
            switch (member)
            {
                case BaseMethodDeclarationSyntax method:
                    yield return method;
                    break;
                case BasePropertyDeclarationSyntax property:
                    if (property.AccessorList is { } accessors)
                    {
                        foreach (var accessor in accessors.Accessors)
                        {
                            if (accessor.Body is not null || accessor.ExpressionBody is not null)
                            {
                                yield return accessor;
                            }
                        }
                    }

                    if (property is PropertyDeclarationSyntax { ExpressionBody: { } arrow })
                    {
                        yield return arrow;
                    }

                    if (property is PropertyDeclarationSyntax { Initializer: { } propertyInitializer })
                    {
                        yield return propertyInitializer;
                    }

                    break;
                case BaseFieldDeclarationSyntax field:
                    foreach (var variable in field.Declaration.Variables)
                    {
                        if (variable.Initializer is { } initializer)
                        {
                            yield return initializer;
                        }
                    }

                    break;
            }
        }
    }
}
