using System.Threading.Tasks;
using RnnShapeAnalyzers.Tests.Verifiers;
using Xunit;

namespace RnnShapeAnalyzers.Tests
{
    public class Smoke
    {
        [Fact]
        public Task SeedExampleOne() => Verify.AnalyzerAsync(@"
using TorchSharp;
using static TorchSharp.torch;
class C
{
    void M()
    {
        var input = torch.randn(10, 32, 10);
        var rnn = nn.RNN(10, 20, batchFirst: true);
        var hidden = torch.zeros(1, 32, 20);
        var (output, h) = rnn.call(input, {|RNN003:hidden|});
    }
}");
    }
}
