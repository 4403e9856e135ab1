using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using RnnShapeAnalyzers.Tracking;

namespace RnnShapeAnalyzers
{
    /// <summary>
    /// What the analyzer gathers about one type while its members are analysed (their operation blocks
    /// and the candidate calls in them), and the check at the end of the type. Lives as long as the
    /// type's analysis: nothing is kept across types or compilations.
    /// </summary>
    internal sealed class TypeShapeAnalysis
    {
        private readonly INamedTypeSymbol _type;
        private readonly TorchSharpSymbols _symbols;
        private readonly List<IOperation> _blocks = new List<IOperation>();
        private readonly List<IInvocationOperation> _candidates = new List<IInvocationOperation>();

        public TypeShapeAnalysis(INamedTypeSymbol type, TorchSharpSymbols symbols)
        {
            _type = type;
            _symbols = symbols;
        }

        public void AddBlocks(IEnumerable<IOperation> blocks)
        {
            lock (_blocks)
            {
                _blocks.AddRange(blocks);
            }
        }

        public void AddCandidate(IInvocationOperation invocation)
        {
            lock (_candidates)
            {
                _candidates.Add(invocation);
            }
        }

        public void Analyze(SymbolAnalysisContext context)
        {
            List<IInvocationOperation> candidates;
            List<IOperation> blocks;
            lock (_candidates)
            {
                if (_candidates.Count == 0)
                {
                    return;
                }

                candidates = new List<IInvocationOperation>(_candidates);
            }

            lock (_blocks)
            {
                blocks = new List<IOperation>(_blocks);
            }

            // Diagnostics come out in source order whatever order the members were analysed in.
            candidates.Sort((a, b) => a.Syntax.SyntaxTree == b.Syntax.SyntaxTree
                ? a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart)
                : string.CompareOrdinal(a.Syntax.SyntaxTree.FilePath, b.Syntax.SyntaxTree.FilePath));

            var cancellationToken = context.CancellationToken;
            var evaluator = new ShapeEvaluator(_symbols, () => MemberWriteIndex.Build(_type, blocks, cancellationToken), cancellationToken);
            new CallShapeChecker(evaluator, context.ReportDiagnostic, cancellationToken).Check(candidates);
        }
    }
}
