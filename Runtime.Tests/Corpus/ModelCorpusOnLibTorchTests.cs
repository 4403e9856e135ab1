using System.Runtime.InteropServices;
using TorchSharp;
using Xunit;

namespace RnnShapeAnalyzers.Runtime.Tests.Corpus
{
    /// <summary>
    /// The model corpus on real libtorch: every correct model runs and returns the shape its file
    /// documents; every broken model throws, from libtorch, the message its file documents. A broken
    /// model that runs is not broken, and the analyzer's expectations on it would prove nothing.
    /// </summary>
    public sealed class ModelCorpusOnLibTorchTests
    {
        public static TheoryData<string> CorrectModels => new TheoryData<string>(CorpusModel.Files("Correct"));

        public static TheoryData<string> BrokenModels => new TheoryData<string>(CorpusModel.Files("Broken"));

        [Theory]
        [MemberData(nameof(CorrectModels))]
        public void CorrectModelRunsAndReturnsTheDocumentedShape(string file)
        {
            var model = CorpusModel.Load(file);
            using var scope = torch.NewDisposeScope();

            var output = model.Run();

            Assert.Equal(model.DocumentedOutputShape, output.shape);
        }

        [Theory]
        [MemberData(nameof(BrokenModels))]
        public void BrokenModelThrowsTheDocumentedLibTorchError(string file)
        {
            var model = CorpusModel.Load(file);
            using var scope = torch.NewDisposeScope();

            var exception = Assert.ThrowsAny<ExternalException>(() => model.Run());

            Assert.Contains(model.DocumentedLibTorchMessage, exception.Message, System.StringComparison.Ordinal);
        }
    }
}
