using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace RnnShapeAnalyzers.CodeFixes
{
    /// <summary>The node rewrites the fixes are made of. Each keeps the trivia of the node it replaces.</summary>
    internal static class SyntaxTransforms
    {
        /// <summary>
        /// Replaces an expression by an integer literal. The token is the one the parser would make of
        /// the text: an <c>int</c> when the value fits (<c>7</c>), otherwise a <c>long</c> (<c>5000000000L</c>),
        /// so the fixed tree binds exactly like the fixed file does once it is read back.
        /// </summary>
        public static SyntaxNode WithInteger(SyntaxNode current, long value)
        {
            var token = value is >= int.MinValue and <= int.MaxValue
                ? SyntaxFactory.Literal((int)value)
                : SyntaxFactory.Literal(value.ToString(CultureInfo.InvariantCulture) + "L", value);
            var literal = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, token);
            return literal.WithTriviaFrom(current);
        }

        /// <summary>Replaces an expression by <c>true</c> or <c>false</c>.</summary>
        public static SyntaxNode WithBoolean(SyntaxNode current, bool value)
            => SyntaxFactory.LiteralExpression(value ? SyntaxKind.TrueLiteralExpression : SyntaxKind.FalseLiteralExpression).WithTriviaFrom(current);

        /// <summary>
        /// Sets a named argument of an invocation: replaces its value when the argument is present,
        /// otherwise appends <c>name: value</c>. Applying it twice leaves one argument.
        /// </summary>
        public static SyntaxNode WithNamedArgument(SyntaxNode current, string name, ExpressionSyntax value)
        {
            if (current is not InvocationExpressionSyntax invocation)
            {
                return current;
            }

            var arguments = invocation.ArgumentList.Arguments;
            var existing = arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == name);
            if (existing is not null)
            {
                return invocation.ReplaceNode(existing.Expression, value.WithTriviaFrom(existing.Expression));
            }

            // The formatter annotation makes the code action lay out the new argument (`, name: value`).
            var argument = SyntaxFactory.Argument(SyntaxFactory.NameColon(name), default, value).WithAdditionalAnnotations(Formatter.Annotation);
            return invocation.WithArgumentList(invocation.ArgumentList.WithArguments(arguments.Add(argument))).WithAdditionalAnnotations(Formatter.Annotation);
        }

        /// <summary>Wraps an expression as <c>expression.unsqueeze(dimension)</c>.</summary>
        public static SyntaxNode WithUnsqueeze(SyntaxNode current, int dimension)
            => WithMethodCall(current, "unsqueeze", SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(dimension)));

        /// <summary>Replaces an expression by the expression <paramref name="code"/> (simplified by the code action).</summary>
        public static SyntaxNode WithExpression(SyntaxNode current, string code)
            => SyntaxFactory.ParseExpression(code).WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation).WithTriviaFrom(current);

        /// <summary>
        /// <c>cell.call(x)</c> or <c>cell.call(x, null)</c>, given the node of the input argument: the state
        /// argument becomes <paramref name="state"/>.
        /// </summary>
        public static SyntaxNode WithStateArgument(SyntaxNode current, string state)
        {
            if (current is not InvocationExpressionSyntax invocation || invocation.ArgumentList.Arguments.Count is 0 or > 2)
            {
                return current;
            }

            var value = SyntaxFactory.ParseExpression(state).WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);
            var arguments = invocation.ArgumentList.Arguments;
            if (arguments.Count == 2)
            {
                return invocation.ReplaceNode(arguments[1].Expression, value.WithTriviaFrom(arguments[1].Expression));
            }

            return invocation.WithArgumentList(invocation.ArgumentList.WithArguments(arguments.Add(SyntaxFactory.Argument(value).WithAdditionalAnnotations(Formatter.Annotation))));
        }

        /// <summary>Wraps an expression as <c>expression.name(argument)</c>.</summary>
        public static SyntaxNode WithMethodCall(SyntaxNode current, string name, ExpressionSyntax argument)
        {
            if (current is not ExpressionSyntax expression)
            {
                return current;
            }

            var receiver = expression.WithoutTrivia();
            if (receiver is not (IdentifierNameSyntax or InvocationExpressionSyntax or MemberAccessExpressionSyntax or ElementAccessExpressionSyntax or ParenthesizedExpressionSyntax))
            {
                receiver = SyntaxFactory.ParenthesizedExpression(receiver);
            }

            var call = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, SyntaxFactory.IdentifierName(name)),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(argument))));
            return call.WithTriviaFrom(expression);
        }
    }
}
