using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RnnShapeAnalyzers.Tests.Verifiers;

namespace RnnShapeAnalyzers.Tests.Fuzz
{
    /// <summary>
    /// Reads the C# sources out of a test file the way the tests build them, by parsing the file with
    /// Roslyn and evaluating every expression passed to <c>Snippet.Method</c>, <c>Lookalike.Method</c>,
    /// <c>TestCode</c>, <c>FixedCode</c> or a verifier's source arguments: string literals (raw, verbatim, regular), <c>+</c>, constants
    /// and locals (through a semantic model of the file), <c>.Replace(a, b)</c>, a dictionary of cases
    /// indexed by a parameter (every value it holds), and the <see cref="Snippet"/> and
    /// <see cref="Lookalike"/> wrappers themselves, called with the evaluated arguments. Every raw and
    /// verbatim literal the evaluation never reached is listed in <see cref="Unreached"/>, so a test
    /// written in a new style cannot silently drop out of the corpus.
    /// </summary>
    internal sealed class TestSourceExtractor
    {
        private const int MaxDepth = 16;

        private static readonly IReadOnlyList<string> Unknown = Array.Empty<string>();

        private readonly string _fileName;
        private readonly SyntaxTree _tree;
        private readonly SemanticModel _model;
        private readonly HashSet<SyntaxToken> _reached = new HashSet<SyntaxToken>();

        private TestSourceExtractor(string path)
        {
            _fileName = Path.GetFileName(path);
            _tree = CSharpSyntaxTree.ParseText(File.ReadAllText(path), new CSharpParseOptions(LanguageVersion.Latest), path);

            // Only the file's own locals and constants are looked up: the framework is enough for that,
            // unresolved test-library types do not matter.
            var compilation = CSharpCompilation.Create("TestFile", new[] { _tree }, TestReferences.Framework);
            _model = compilation.GetSemanticModel(_tree);
        }

        /// <summary>(name, source with markup) for every source the file builds, in file order.</summary>
        public List<(string Name, string Source)> Sources { get; } = new List<(string, string)>();

        /// <summary>Raw and verbatim string literals that no evaluated expression used, as <c>file:line</c>.</summary>
        public List<string> Unreached { get; } = new List<string>();

        public static TestSourceExtractor Extract(string path)
        {
            var extractor = new TestSourceExtractor(path);
            extractor.Run();
            return extractor;
        }

        private void Run()
        {
            var root = _tree.GetRoot();
            foreach (var node in root.DescendantNodes())
            {
                ExpressionSyntax? expression = node switch
                {
                    InvocationExpressionSyntax invocation when WrapperName(invocation) is not null
                        && !invocation.Ancestors().OfType<InvocationExpressionSyntax>().Any(a => WrapperName(a) is not null) => invocation,
                    AssignmentExpressionSyntax assignment when AssignedName(assignment.Left) is "TestCode" or "FixedCode" => assignment.Right,
                    ArgumentSyntax argument when IsVerifierSourceArgument(argument) => argument.Expression,
                    _ => null,
                };

                if (expression is null)
                {
                    continue;
                }

                var values = Evaluate(expression, 0);
                var line = expression.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                for (var i = 0; i < values.Count; i++)
                {
                    var name = values.Count == 1 ? $"{_fileName}:{line}" : $"{_fileName}:{line}#{i}";
                    Sources.Add((name, values[i]));
                }
            }

            foreach (var token in root.DescendantTokens())
            {
                var isRawOrVerbatim = token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken)
                    || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken)
                    || (token.IsKind(SyntaxKind.StringLiteralToken) && token.Text.StartsWith("@", StringComparison.Ordinal));
                if (isRawOrVerbatim && !_reached.Contains(token))
                {
                    Unreached.Add($"{_fileName}:{token.GetLocation().GetLineSpan().StartLinePosition.Line + 1}");
                }
            }
        }

        private static string? WrapperName(InvocationExpressionSyntax invocation)
            => invocation.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax type, Name.Identifier.ValueText: "Method" }
                && type.Identifier.ValueText is "Snippet" or "Lookalike"
                ? type.Identifier.ValueText
                : null;

        /// <summary>
        /// A source or fixed source given to the verifiers directly (<c>Verify.AnalyzerAsync("""...""")</c>,
        /// <c>VerifyFix.CodeFixAsync(source, fixedSource, key)</c>): the first argument, and the second of
        /// CodeFixAsync; or a document added to a test's <c>Sources</c>.
        /// </summary>
        private static bool IsVerifierSourceArgument(ArgumentSyntax argument)
        {
            // PayForPlayTests runs the analyzer directly: TelemetryAsync(analyzer, source, ...).
            if (argument.Parent is ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "TelemetryAsync" } } } telemetry)
            {
                return telemetry.Arguments.IndexOf(argument) == 1;
            }

            // A test that parses code itself (MemberWriteSyntaxTests): CSharpSyntaxTree.ParseText(source, ...).
            if (argument.Parent is ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "CSharpSyntaxTree" }, Name.Identifier.ValueText: "ParseText" } } } parse)
            {
                return parse.Arguments.IndexOf(argument) == 0;
            }

            if (argument.Parent is not ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } } list)
            {
                return false;
            }

            // A test with several documents: test.TestState.Sources.Add(source).
            if (access is { Name.Identifier.ValueText: "Add", Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Sources" } })
            {
                return true;
            }

            var receiver = access.Expression.ToString();
            if (receiver is not ("Verify" or "VerifyFix") && !receiver.StartsWith("Verify<", StringComparison.Ordinal))
            {
                return false;
            }

            var position = list.Arguments.IndexOf(argument);
            return access.Name.Identifier.ValueText switch
            {
                "AnalyzerAsync" or "NoDiagnosticsAsync" or "NoCodeFixAsync" => position == 0,
                "CodeFixAsync" => position is 0 or 1,
                _ => false,
            };
        }

        private static string? AssignedName(ExpressionSyntax left) => left switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            _ => null,
        };

        private IReadOnlyList<string> Evaluate(ExpressionSyntax? expression, int depth)
        {
            if (expression is null || depth > MaxDepth)
            {
                return Unknown;
            }

            switch (expression)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    _reached.Add(literal.Token);
                    return new[] { literal.Token.ValueText };
                case ParenthesizedExpressionSyntax parenthesized:
                    return Evaluate(parenthesized.Expression, depth + 1);
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                    var left = Evaluate(binary.Left, depth + 1);
                    var right = Evaluate(binary.Right, depth + 1);
                    return left.SelectMany(l => right.Select(r => l + r)).ToList();
                case IdentifierNameSyntax:
                    return EvaluateSymbol(_model.GetSymbolInfo(expression).Symbol, depth);
                case ElementAccessExpressionSyntax elementAccess:
                    return EvaluateDictionaryValues(_model.GetSymbolInfo(elementAccess.Expression).Symbol, depth);
                case InvocationExpressionSyntax invocation when WrapperName(invocation) is { } wrapper:
                    return EvaluateWrapper(wrapper, invocation.ArgumentList, depth);
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Replace" } access } replace
                    when replace.ArgumentList.Arguments.Count == 2:
                    var receivers = Evaluate(access.Expression, depth + 1);
                    var oldValues = Evaluate(replace.ArgumentList.Arguments[0].Expression, depth + 1);
                    var newValues = Evaluate(replace.ArgumentList.Arguments[1].Expression, depth + 1);
                    return (from receiver in receivers
                            from oldValue in oldValues
                            from newValue in newValues
                            select receiver.Replace(oldValue, newValue)).ToList();
                default:
                    return Unknown;
            }
        }

        /// <summary>A constant or local with an initializer: the initializer's values.</summary>
        private IReadOnlyList<string> EvaluateSymbol(ISymbol? symbol, int depth)
        {
            if (symbol is not (ILocalSymbol or IFieldSymbol))
            {
                return Unknown;
            }

            return symbol.DeclaringSyntaxReferences
                .Select(reference => reference.GetSyntax())
                .OfType<VariableDeclaratorSyntax>()
                .SelectMany(declarator => Evaluate(declarator.Initializer?.Value, depth + 1))
                .ToList();
        }

        /// <summary><c>Cases[name]</c> with <c>Cases = new Dictionary&lt;,&gt; { [key] = value, ... }</c>: every value.</summary>
        private IReadOnlyList<string> EvaluateDictionaryValues(ISymbol? symbol, int depth)
        {
            var initializers = symbol?.DeclaringSyntaxReferences
                .Select(reference => reference.GetSyntax())
                .OfType<VariableDeclaratorSyntax>()
                .Select(declarator => declarator.Initializer?.Value)
                .OfType<BaseObjectCreationExpressionSyntax>()
                .Select(creation => creation.Initializer)
                .OfType<InitializerExpressionSyntax>() ?? Enumerable.Empty<InitializerExpressionSyntax>();

            var values = new List<string>();
            foreach (var initializer in initializers)
            {
                foreach (var entry in initializer.Expressions)
                {
                    var value = entry switch
                    {
                        AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax } assignment => assignment.Right,
                        InitializerExpressionSyntax { Expressions.Count: 2 } pair => pair.Expressions[1],
                        _ => null,
                    };
                    values.AddRange(Evaluate(value, depth + 1));
                }
            }

            return values;
        }

        /// <summary>Calls the real <see cref="Snippet.Method"/> or <see cref="Lookalike.Method"/> with every combination of evaluated arguments.</summary>
        private IReadOnlyList<string> EvaluateWrapper(string wrapper, ArgumentListSyntax arguments, int depth)
        {
            var parameterNames = wrapper == "Snippet" ? new[] { "body", "parameters", "members", "className" } : new[] { "body" };
            var values = new IReadOnlyList<string>?[parameterNames.Length];
            for (var i = 0; i < arguments.Arguments.Count; i++)
            {
                var argument = arguments.Arguments[i];
                var index = argument.NameColon is { } nameColon ? Array.IndexOf(parameterNames, nameColon.Name.Identifier.ValueText) : i;
                if (index < 0 || index >= parameterNames.Length)
                {
                    return Unknown;
                }

                values[index] = Evaluate(argument.Expression, depth + 1);
            }

            if (values[0] is null)
            {
                return Unknown;
            }

            IEnumerable<string?[]> combinations = new[] { Array.Empty<string?>() };
            foreach (var value in values)
            {
                // An omitted optional argument: the wrapper's own default (null stands for it below).
                var options = value is null ? new string?[] { null } : value.Select(v => (string?)v).ToArray();
                combinations = combinations.SelectMany(prefix => options.Select(option => prefix.Append(option).ToArray()));
            }

            return combinations.Select(a => wrapper == "Snippet"
                    ? Snippet.Method(a[0]!, a[1] ?? string.Empty, a[2] ?? string.Empty, a[3] ?? "C")
                    : Lookalike.Method(a[0]!))
                .ToList();
        }
    }
}
