using System.IO;
using System.Linq;
using RnnShapeAnalyzers.Runtime;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.Runtime.Tests
{
    /// <summary>A checked layer is the plain TorchSharp layer: same parameters, same outputs, same lifecycle.</summary>
    public sealed class CheckedLayerEquivalenceTests
    {
        [Fact]
        public void LstmHasThePlainParameterNamesAndOutputs()
        {
            using var scope = torch.NewDisposeScope();
            torch.manual_seed(1);
            using var plain = nn.LSTM(4, 8, numLayers: 2, bidirectional: true, batchFirst: true);
            using var checkedLstm = CheckedNN.LSTM(4, 8, numLayers: 2, bidirectional: true, batchFirst: true);
            Assert.Equal(plain.named_parameters().Select(p => p.name), checkedLstm.named_parameters().Select(p => p.name));
            Assert.Equal(plain.state_dict().Keys, checkedLstm.state_dict().Keys);

            checkedLstm.load_state_dict(plain.state_dict());
            var x = torch.randn(3, 5, 4);
            var (o1, h1, c1) = plain.call(x);
            var (o2, h2, c2) = checkedLstm.call(x);
            Assert.True(o1.allclose(o2));
            Assert.True(h1.allclose(h2));
            Assert.True(c1.allclose(c2));
        }

        [Fact]
        public void WeightsSavedFromAPlainLayerLoadIntoACheckedOneAndBack()
        {
            using var scope = torch.NewDisposeScope();
            using var plain = nn.GRU(4, 6);
            using var checkedGru = CheckedNN.GRU(4, 6);
            using var roundTrip = nn.GRU(4, 6);

            // save closes the stream it writes to, so each file is taken as bytes.
            var file = new MemoryStream();
            plain.save(file);
            var plainBytes = file.ToArray();
            checkedGru.load(new BinaryReader(new MemoryStream(plainBytes)));

            var again = new MemoryStream();
            checkedGru.save(again);
            var checkedBytes = again.ToArray();
            Assert.Equal(plainBytes, checkedBytes);
            roundTrip.load(new BinaryReader(new MemoryStream(checkedBytes)));

            var x = torch.randn(7, 2, 4);
            Assert.True(plain.call(x).Item1.allclose(roundTrip.call(x).Item1));
            Assert.True(plain.call(x).Item1.allclose(checkedGru.call(x).Item1));
        }

        [Fact]
        public void AsAFieldOfAUserModelItsParametersAreNamedLikeThePlainLayers()
        {
            using var plainModel = new Encoder(checkedLayer: false);
            using var checkedModel = new Encoder(checkedLayer: true);
            Assert.Equal(plainModel.named_parameters().Select(p => p.name), checkedModel.named_parameters().Select(p => p.name));
            Assert.Contains("lstm.weight_ih_l0", checkedModel.state_dict().Keys);
        }

        [Fact]
        public void ToDoubleOnTheParentModelReachesTheRealLayer()
        {
            using var scope = torch.NewDisposeScope();
            using var model = new Encoder(checkedLayer: true);
            model.to(ScalarType.Float64);
            Assert.All(model.parameters(), p => Assert.Equal(ScalarType.Float64, p.dtype));
            var output = model.call(torch.randn(2, 3, 4, dtype: ScalarType.Float64));
            Assert.Equal(ScalarType.Float64, output.dtype);
        }

        [Fact]
        public void TrainAndEvalReachTheRealLayer()
        {
            using var model = new Encoder(checkedLayer: true);
            model.eval();
            Assert.False(model.lstm.training);
            Assert.False(((CheckedLSTM)model.lstm).Inner.training);
            model.train();
            Assert.True(((CheckedLSTM)model.lstm).Inner.training);
        }

        [Fact]
        public void AnOptimizerStepChangesTheWeightsTheRealLayerUses()
        {
            using var scope = torch.NewDisposeScope();
            using var lstm = CheckedNN.LSTM(4, 8);
            var x = torch.randn(3, 2, 4);
            var before = lstm.call(x).Item1.detach().clone();
            var optimizer = torch.optim.SGD(lstm.parameters(), 0.5);
            lstm.call(x).Item1.sum().backward();
            optimizer.step();
            Assert.False(before.allclose(lstm.call(x).Item1));
        }

        [Fact]
        public void DisposingTheCheckedLayerDisposesTheRealOne()
        {
            var lstm = CheckedNN.LSTM(4, 8);
            var inner = lstm.Inner;
            lstm.Dispose();
            Assert.ThrowsAny<System.Exception>(() => inner.forward(torch.randn(2, 1, 4)));
            lstm.Dispose();
        }

        [Fact]
        public void CellsMatchThePlainCellsWithTheSameWeights()
        {
            using var scope = torch.NewDisposeScope();
            var x = torch.randn(3, 4);
            var h = torch.randn(3, 6);

            using var plainGru = nn.GRUCell(4, 6);
            using var checkedGru = CheckedNN.GRUCell(4, 6);
            checkedGru.load_state_dict(plainGru.state_dict());
            Assert.True(plainGru.call(x, h).allclose(checkedGru.call(x, h)));

            using var plainRnn = nn.RNNCell(4, 6);
            using var checkedRnn = CheckedNN.RNNCell(4, 6);
            checkedRnn.load_state_dict(plainRnn.state_dict());
            Assert.True(plainRnn.call(x, h).allclose(checkedRnn.call(x, h)));

            using var plainLstm = nn.LSTMCell(4, 6);
            using var checkedLstm = CheckedNN.LSTMCell(4, 6);
            checkedLstm.load_state_dict(plainLstm.state_dict());
            var c = torch.randn(3, 6);
            Assert.True(plainLstm.call(x, (h, c)).Item1.allclose(checkedLstm.call(x, (h, c)).Item1));
        }

        [Fact]
        public void CheckedLstmCellWithoutStateStartsFromZerosWherePlainTorchSharpThrows()
        {
            using var scope = torch.NewDisposeScope();
            using var plain = nn.LSTMCell(4, 6);
            using var checkedCell = CheckedNN.LSTMCell(4, 6);
            checkedCell.load_state_dict(plain.state_dict());
            var x = torch.randn(3, 4);

            Assert.Equal("Input batch size 3 doesn't match hidden0 batch size 0", LibTorch.ErrorOf(() => plain.call(x)));

            var (h, c) = checkedCell.call(x);
            var (hz, cz) = plain.call(x, (torch.zeros(3, 6), torch.zeros(3, 6)));
            Assert.True(h.allclose(hz));
            Assert.True(c.allclose(cz));
        }

        [Fact]
        public void CheckedGruCellAcceptsAnUnbatchedInputWithoutState()
        {
            using var scope = torch.NewDisposeScope();
            using var plain = nn.GRUCell(4, 6);
            using var checkedCell = CheckedNN.GRUCell(4, 6);
            checkedCell.load_state_dict(plain.state_dict());
            var x = torch.randn(4);
            Assert.NotNull(LibTorch.ErrorOf(() => plain.forward(x)));
            Assert.True(checkedCell.call(x).allclose(plain.forward(x, torch.zeros(6))));
        }

        [Fact]
        public void FromWrapsAnExistingPlainLayerAndReadsItsConfiguration()
        {
            var plain = nn.LSTM(5, 7, numLayers: 3, bidirectional: true);
            using var checkedLstm = CheckedNN.From(plain, batchFirst: true);
            Assert.Same(plain, checkedLstm.Inner);
            Assert.Equal("LSTM(inputSize: 5, hiddenSize: 7, numLayers: 3, bidirectional: true, batchFirst: true)", checkedLstm.Spec.ToString());
        }

        private sealed class Encoder : nn.Module<Tensor, Tensor>
        {
            public readonly nn.Module<Tensor, (Tensor, Tensor)?, (Tensor, Tensor, Tensor)> lstm;
            private readonly TorchSharp.Modules.Linear head;

            public Encoder(bool checkedLayer)
                : base(nameof(Encoder))
            {
                lstm = checkedLayer ? CheckedNN.LSTM(4, 8, batchFirst: true) : nn.LSTM(4, 8, batchFirst: true);
                head = nn.Linear(8, 3);
                RegisterComponents();
            }

            public override Tensor forward(Tensor input)
            {
                var (output, _, _) = lstm.call(input, null);
                return head.call(output);
            }
        }
    }
}
