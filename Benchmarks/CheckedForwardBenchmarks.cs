using System;
using BenchmarkDotNet.Attributes;
using RnnShapeAnalyzers.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.Benchmarks
{
    /// <summary>
    /// What the shape checks cost per forward: a plain TorchSharp module against a checked one with the
    /// same weights, on the same tensors. Each category has the plain call as its baseline, so the Ratio
    /// column is checked / plain. Outputs are disposed in every invocation so memory stays flat.
    /// </summary>
    [Config(typeof(NoisyMachineConfig))]
    public class CheckedForwardBenchmarks
    {
        private const string LstmNoState = "LSTM(64,128) [32,16,64], no state";
        private const string LstmZeroState = "LSTM(64,128) [32,16,64], zero (h0, c0)";
        private const string GruCellTiny = "GRUCell(4,8) [1,4], h0 [1,8]";

        private IDisposable _noGrad = null!;
        private LSTM _plainLstm = null!;
        private CheckedLSTM _checkedLstm = null!;
        private GRUCell _plainGruCell = null!;
        private CheckedGRUCell _checkedGruCell = null!;
        private Tensor _sequence = null!;
        private Tensor _h0 = null!;
        private Tensor _c0 = null!;
        private Tensor _step = null!;
        private Tensor _cellH0 = null!;

        [GlobalSetup]
        public void Setup()
        {
            _noGrad = TorchSetup.ForInference();

            _plainLstm = nn.LSTM(64, 128);
            var lstmCopy = nn.LSTM(64, 128);
            lstmCopy.load_state_dict(_plainLstm.state_dict());
            _checkedLstm = CheckedNN.From(lstmCopy);
            _plainLstm.eval();
            _checkedLstm.eval();

            _plainGruCell = nn.GRUCell(4, 8);
            var gruCellCopy = nn.GRUCell(4, 8);
            gruCellCopy.load_state_dict(_plainGruCell.state_dict());
            _checkedGruCell = CheckedNN.From(gruCellCopy);
            _plainGruCell.eval();
            _checkedGruCell.eval();

            _sequence = torch.randn(32, 16, 64);
            _h0 = torch.zeros(1, 16, 128);
            _c0 = torch.zeros(1, 16, 128);
            _step = torch.randn(1, 4);
            _cellH0 = torch.zeros(1, 8);

            using (torch.NewDisposeScope())
            {
                TorchSetup.RequireSame(_plainLstm.call(_sequence).Item1, _checkedLstm.call(_sequence).Item1, LstmNoState);
                TorchSetup.RequireSame(_plainLstm.call(_sequence, (_h0, _c0)).Item1, _checkedLstm.call(_sequence, (_h0, _c0)).Item1, LstmZeroState);
                TorchSetup.RequireSame(_plainGruCell.call(_step, _cellH0), _checkedGruCell.call(_step, _cellH0), GruCellTiny);
            }
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _plainLstm.Dispose();
            _checkedLstm.Dispose();
            _plainGruCell.Dispose();
            _checkedGruCell.Dispose();
            _sequence.Dispose();
            _h0.Dispose();
            _c0.Dispose();
            _step.Dispose();
            _cellH0.Dispose();
            _noGrad.Dispose();
        }

        [BenchmarkCategory(LstmNoState)]
        [Benchmark(Baseline = true, Description = "plain")]
        public void LstmPlain()
        {
            var (output, hN, cN) = _plainLstm.call(_sequence);
            output.Dispose();
            hN.Dispose();
            cN.Dispose();
        }

        [BenchmarkCategory(LstmNoState)]
        [Benchmark(Description = "checked")]
        public void LstmChecked()
        {
            var (output, hN, cN) = _checkedLstm.call(_sequence);
            output.Dispose();
            hN.Dispose();
            cN.Dispose();
        }

        [BenchmarkCategory(LstmZeroState)]
        [Benchmark(Baseline = true, Description = "plain")]
        public void LstmWithStatePlain()
        {
            var (output, hN, cN) = _plainLstm.call(_sequence, (_h0, _c0));
            output.Dispose();
            hN.Dispose();
            cN.Dispose();
        }

        [BenchmarkCategory(LstmZeroState)]
        [Benchmark(Description = "checked")]
        public void LstmWithStateChecked()
        {
            var (output, hN, cN) = _checkedLstm.call(_sequence, (_h0, _c0));
            output.Dispose();
            hN.Dispose();
            cN.Dispose();
        }

        [BenchmarkCategory(GruCellTiny)]
        [Benchmark(Baseline = true, Description = "plain")]
        public void GruCellPlain() => _plainGruCell.call(_step, _cellH0).Dispose();

        [BenchmarkCategory(GruCellTiny)]
        [Benchmark(Description = "checked")]
        public void GruCellChecked() => _checkedGruCell.call(_step, _cellH0).Dispose();
    }
}
