using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using RnnShapeAnalyzers.Tests.Verifiers;
using Xunit;

namespace RnnShapeAnalyzers.Tests
{
    /// <summary>
    /// Code being typed does not compile. The analyzer runs on it in the editor all the time: it must
    /// neither throw (AD0001) nor report a shape it cannot prove from the broken code.
    /// </summary>
    public class HalfTypedCodeTests
    {
        private static readonly Dictionary<string, string> Cases = new Dictionary<string, string>
        {
            ["MissingLayerArguments"] = """
                var rnn = nn.RNN(10);
                rnn.call(torch.randn(5, 3, 7), torch.zeros(1, 3, 30));
                """,
            ["UnfinishedCall"] = """
                var rnn = nn.RNN(10, 20);
                var h0 = torch.zeros(1, 3, 20);
                rnn.call(
                """,
            ["UnfinishedSecondArgument"] = """
                var rnn = nn.RNN(10, 20);
                rnn.call(torch.randn(5, 3, 10), torch.zeros(1, 3,
                """,
            ["CallWithoutArguments"] = """
                var rnn = nn.RNN(10, 20);
                rnn.call();
                rnn.forward();
                """,
            ["TooManyArguments"] = """
                var rnn = nn.RNN(10, 20);
                rnn.call(torch.randn(5, 3, 7), torch.zeros(1, 3, 30), 42);
                """,
            ["UnresolvedNames"] = """
                var rnn = nn.RNN(10, hidden, batchFirst: flag);
                rnn.call(torch.randn(5, 3, features), torch.zeros(1, 3, 30));
                rnn.call(input, state);
                var gru = nn.GRUU(10, 20);
                gru.call(torch.randn(5, 3, 7));
                var lstm = nn.LSTM(10, 20);
                lstm.cal(torch.randn(5, 3, 7));
                """,
            ["WrongArgumentTypes"] = """
                var rnn = nn.RNN(10.5, 20);
                rnn.call(torch.randn(5, 3, 7));
                var gru = nn.GRU(10, 20);
                gru.call(torch.randn("5", 3, 7), torch.zeros(1, 3, 20));
                gru.call(torch.randn(5, 3, 10), 42);
                """,
            ["MalformedLstmState"] = """
                var lstm = nn.LSTM(10, 20);
                var h0 = torch.zeros(1, 3, 30);
                lstm.call(torch.randn(5, 3, 10), (h0, h0, h0));
                lstm.call(torch.randn(5, 3, 10), (h0, ));
                lstm.call(torch.randn(5, 3, 10), h0);
                """,
            ["CyclicLocals"] = """
                var a = b;
                var b = a;
                var rnn = nn.RNN(a, b);
                rnn.call(torch.randn(5, 3, a), torch.zeros(1, 3, b));
                """,
            ["UnfinishedInPlaceCall"] = """
                var rnn = nn.RNN(10, 20);
                var x = torch.randn(5, 10);
                x.unsqueeze_(
                rnn.call(x);
                """,
            ["UnfinishedTensorFactory"] = """
                var rnn = nn.RNN(10, 20);
                var x = torch.randn(5, 3,
                rnn.call(x);
                """,
            // Found by the fuzz test: the missing element bound as an unknown dimension whose zero-width
            // syntax went to the RNN002 fix, which replaced the whole initializer by a literal and threw.
            ["MissingArrayElement"] = """
                var rnn = nn.RNN(10, 20);
                rnn.call(torch.randn(5, 3, 10), torch.zeros(new long[] { , 3, 30 }));
                var lstm = nn.LSTM(10, 20);
                lstm.call(torch.randn(5, 3, 10), (torch.zeros([2, , 20]), torch.zeros(1, 3, 20)));
                """,
            // 'new long' without its parentheses binds to 0 (found by the fuzz test as an empty sequence).
            ["ObjectCreationWithoutParentheses"] = """
                var rnn = nn.RNN(new long, 20);
                rnn.call(torch.randn(5, 3, 7));
                var gru = nn.GRU(10, 20);
                gru.call(torch.randn(new long 5, 10 }));
                gru.call(torch.randn(5, 3, 10), torch.zeros(1, 3, new long));
                """,
        };

        [Theory]
        [InlineData("MissingLayerArguments")]
        [InlineData("UnfinishedCall")]
        [InlineData("UnfinishedSecondArgument")]
        [InlineData("CallWithoutArguments")]
        [InlineData("TooManyArguments")]
        [InlineData("UnresolvedNames")]
        [InlineData("WrongArgumentTypes")]
        [InlineData("MalformedLstmState")]
        [InlineData("CyclicLocals")]
        [InlineData("UnfinishedInPlaceCall")]
        [InlineData("UnfinishedTensorFactory")]
        [InlineData("MissingArrayElement")]
        [InlineData("ObjectCreationWithoutParentheses")]
        public async Task NoCrashAndNoShapeDiagnostic(string name)
        {
            var source = Snippet.Method(Cases[name]);

            // The harness: compiler errors ignored, and no analyzer diagnostic expected.
            var test = new Verify<EmptyCodeFixProvider>.Test
            {
                TestCode = source,
                CompilerDiagnostics = CompilerDiagnostics.None,
            };
            await test.RunAsync(CancellationToken.None);

            // Directly: the code really does not compile, and the analyzer neither threw nor reported.
            var (compilerErrors, analyzerDiagnostics) = await AnalyzerRunner.RunAsync(source);
            Assert.NotEmpty(compilerErrors);
            Assert.Empty(AnalyzerRunner.Describe(analyzerDiagnostics));
        }

        /// <summary>The parser closes the unfinished call; what is proven about it is still reported.</summary>
        [Fact]
        public Task UnfinishedCallWithAProvenWrongInputStillReportsIt()
        {
            var test = new Verify<EmptyCodeFixProvider>.Test
            {
                TestCode = Snippet.Method("""
                    var rnn = nn.RNN(10, 20);
                    rnn.call({|RNN001:torch.randn(5, 3, 7)|}
                    """),
                CompilerDiagnostics = CompilerDiagnostics.None,
            };
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>Proves the direct check above can fail: an analyzer that throws shows up as AD0001.</summary>
        [Fact]
        public async Task AnAnalyzerExceptionIsReportedAsAD0001()
        {
            var (_, diagnostics) = await AnalyzerRunner.RunAsync(Snippet.Method("var rnn = nn.RNN(10, 20);"), new ThrowingAnalyzer());
            Assert.Contains(diagnostics, d => d.Id == "AD0001");
        }

        /// <summary>Passed to the runner directly, never loaded by a compiler: no [DiagnosticAnalyzer] attribute, no release tracking.</summary>
#pragma warning disable RS1001 // Deliberately without [DiagnosticAnalyzer]: that attribute makes it a compiler extension (RS1038, RS1041).
        private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
        {
#pragma warning disable RS2008 // Release tracking is for shipped analyzers; this one exists only inside a test.
            private static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor("TEST001", "t", "t", "t", DiagnosticSeverity.Warning, isEnabledByDefault: true);
#pragma warning restore RS2008

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

            public override void Initialize(AnalysisContext context)
            {
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.EnableConcurrentExecution();
                context.RegisterOperationAction(_ => throw new InvalidOperationException("boom"), OperationKind.Invocation);
            }
        }
    }
}
