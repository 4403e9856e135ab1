using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RnnShapeAnalyzers.Tests.Verifiers;
using Xunit;

namespace RnnShapeAnalyzers.Tests.Tracking
{
    /// <summary>
    /// A file's calls are grouped by the type whose member makes them, since a field's layer is looked
    /// up in that type: top-level statements and their local functions belong to the compiler's Program
    /// type, a call in a lambda to the type around it, a call in a nested type to the nested type.
    /// </summary>
    public class CallOwnerTests
    {
        [Fact]
        public Task TopLevelStatementsAndTheirLocalFunctionsAreChecked()
        {
            var test = new Verify<EmptyCodeFixProvider>.Test();
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            test.TestState.Sources.Add("""
                using TorchSharp;
                using static TorchSharp.torch;

                var rnn = nn.RNN(6, 12);
                rnn.call({|RNN001:torch.randn(7, 3, 4)|});
                Run();

                static void Run()
                {
                    var gru = nn.GRU(10, 20);
                    gru.call({|RNN001:torch.randn(5, 3, 8)|});
                    gru.call(torch.randn(5, 3, 10));
                }
                """);
            return test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task NestedTypeUsesItsOwnField() => Verify.AnalyzerAsync(
            """
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            sealed class Outer : nn.Module<Tensor, Tensor>
            {
                private readonly GRU gru = nn.GRU(10, 20);

                public Outer() : base(nameof(Outer)) => RegisterComponents();

                public override Tensor forward(Tensor x) => gru.call({|RNN001:torch.randn(5, 3, 6)|}).Item1;

                private sealed class Inner : nn.Module<Tensor, Tensor>
                {
                    private readonly GRU gru = nn.GRU(6, 20);

                    public Inner() : base(nameof(Inner)) => RegisterComponents();

                    public override Tensor forward(Tensor x) => gru.call({|RNN001:torch.randn(5, 3, 10)|}).Item1;
                }
            }
            """);

        [Fact]
        public Task CallInALambdaUsesTheFieldOfTheTypeAroundIt() => Verify.AnalyzerAsync(
            """
            using System;
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            sealed class Tagger : nn.Module<Tensor, Tensor>
            {
                private readonly LSTM lstm = nn.LSTM(10, 20);

                public Tagger() : base(nameof(Tagger)) => RegisterComponents();

                public override Tensor forward(Tensor x)
                {
                    Func<Tensor> run = () => lstm.call({|RNN001:torch.randn(5, 3, 12)|}).Item1;
                    return run();
                }
            }
            """);
    }
}
