using System;
using System.IO;
using System.Linq;
using RnnShapeAnalyzers.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.Runtime.Tests
{
    /// <summary>A checked Embedding or Linear is the plain TorchSharp module: same parameters, outputs and lifecycle.</summary>
    public sealed class CheckedEmbeddingAndLinearTests
    {
        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void LinearHasThePlainParameterNamesAndOutputs(bool hasBias)
        {
            using var scope = torch.NewDisposeScope();
            using var plain = nn.Linear(6, 3, hasBias);
            using var checkedLinear = CheckedNN.Linear(6, 3, hasBias);
            Assert.Equal(plain.named_parameters().Select(p => p.name), checkedLinear.named_parameters().Select(p => p.name));
            Assert.Equal(plain.state_dict().Keys, checkedLinear.state_dict().Keys);
            Assert.Equal(6, checkedLinear.in_features);
            Assert.Equal(3, checkedLinear.out_features);
            Assert.Equal(hasBias, checkedLinear.bias is not null);

            checkedLinear.load_state_dict(plain.state_dict());
            var x = torch.randn(2, 5, 6);
            Assert.True(plain.call(x).allclose(checkedLinear.call(x)));
        }

        [Fact]
        public void EmbeddingHasThePlainParameterNamesAndOutputsWithItsOptions()
        {
            using var scope = torch.NewDisposeScope();
            using var plain = nn.Embedding(50, 8, padding_idx: 0);
            using var checkedEmbedding = CheckedNN.Embedding(50, 8, padding_idx: 0);
            Assert.Equal(plain.state_dict().Keys, checkedEmbedding.state_dict().Keys);
            Assert.Equal(50, checkedEmbedding.num_embeddings);
            Assert.Equal(8, checkedEmbedding.embedding_dims);
            Assert.True(checkedEmbedding.call(torch.zeros(3, dtype: ScalarType.Int64)).eq(0).all().item<bool>());

            checkedEmbedding.load_state_dict(plain.state_dict());
            var tokens = torch.randint(50, new long[] { 4, 9 });
            Assert.True(plain.call(tokens).allclose(checkedEmbedding.call(tokens)));
        }

        [Fact]
        public void WeightsSavedFromAPlainLinearLoadIntoACheckedOneAndSaveTheSameBytes()
        {
            using var scope = torch.NewDisposeScope();
            using var plain = nn.Linear(4, 2);
            using var checkedLinear = CheckedNN.Linear(4, 2);

            // save closes the stream it writes to, so each file is taken as bytes.
            var file = new MemoryStream();
            plain.save(file);
            var plainBytes = file.ToArray();
            checkedLinear.load(new BinaryReader(new MemoryStream(plainBytes)));
            var again = new MemoryStream();
            checkedLinear.save(again);
            Assert.Equal(plainBytes, again.ToArray());
        }

        [Fact]
        public void AsFieldsOfAUserModelTheyAreNamedLikeThePlainModulesAndMoveWithIt()
        {
            using var scope = torch.NewDisposeScope();
            using var plainModel = new Tagger(checkedLayers: false);
            using var checkedModel = new Tagger(checkedLayers: true);
            Assert.Equal(plainModel.named_parameters().Select(p => p.name), checkedModel.named_parameters().Select(p => p.name));
            Assert.Contains("embedding.weight", checkedModel.state_dict().Keys);
            Assert.Contains("head.bias", checkedModel.state_dict().Keys);

            checkedModel.to(ScalarType.Float64);
            Assert.All(checkedModel.parameters(), p => Assert.Equal(ScalarType.Float64, p.dtype));
            Assert.Equal(ScalarType.Float64, checkedModel.call(torch.randint(20, new long[] { 2, 5 })).dtype);
        }

        [Fact]
        public void TrainEvalAndDisposeReachTheRealModules()
        {
            var linear = CheckedNN.Linear(4, 2);
            var embedding = CheckedNN.Embedding(10, 4);
            linear.eval();
            embedding.eval();
            Assert.False(linear.Inner.training);
            Assert.False(embedding.Inner.training);

            var innerLinear = linear.Inner;
            linear.Dispose();
            embedding.Dispose();
            Assert.ThrowsAny<Exception>(() => innerLinear.forward(torch.randn(1, 4)));
            Assert.Throws<ObjectDisposedException>(() => linear.call(torch.randn(1, 4)));
            linear.Dispose();
        }

        [Fact]
        public void FromWrapsExistingModules()
        {
            using var scope = torch.NewDisposeScope();
            var pretrained = nn.Embedding_from_pretrained(torch.randn(7, 3));
            using var checkedEmbedding = CheckedNN.From(pretrained);
            Assert.Same(pretrained, checkedEmbedding.Inner);
            Assert.Equal(3, checkedEmbedding.embedding_dims);

            var plainLinear = nn.Linear(3, 2);
            using var checkedLinear = CheckedNN.From(plainLinear);
            Assert.Same(plainLinear, checkedLinear.Inner);
            Assert.Equal(new long[] { 4, 2 }, checkedLinear.call(checkedEmbedding.call(torch.tensor(new long[] { 0, 1, 2, 6 }))).shape);
        }

        [Fact]
        public void NullAndDisposedInputsFailClearly()
        {
            using var linear = CheckedNN.Linear(4, 2);
            using var embedding = CheckedNN.Embedding(10, 4);
            Assert.Equal("input", Assert.Throws<ArgumentNullException>(() => linear.call(null!)).ParamName);
            Assert.Equal("input", Assert.Throws<ArgumentNullException>(() => embedding.call(null!)).ParamName);
            var disposed = torch.randn(1, 4);
            disposed.Dispose();
            Assert.Equal("input", Assert.Throws<ObjectDisposedException>(() => linear.call(disposed)).ObjectName);
        }

        private sealed class Tagger : nn.Module<Tensor, Tensor>
        {
            private readonly nn.Module<Tensor, Tensor> embedding;
            private readonly nn.Module<Tensor, Tensor> head;

            public Tagger(bool checkedLayers)
                : base(nameof(Tagger))
            {
                embedding = checkedLayers ? CheckedNN.Embedding(20, 6) : nn.Embedding(20, 6);
                head = checkedLayers ? CheckedNN.Linear(6, 3) : nn.Linear(6, 3);
                RegisterComponents();
            }

            public override Tensor forward(Tensor input) => head.call(embedding.call(input));
        }
    }
}
