using System;
using System.Linq;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using RnnShapeAnalyzers.Runtime;
using RnnShapeAnalyzers.ShapeRules;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnShapeAnalyzers.Benchmarks
{
    /// <summary>
    /// Where the checked layers' extra time goes: the guard a checked module runs before each forward,
    /// its two halves (reading the tensors through TorchSharp, and the managed rules on what was read),
    /// single TorchSharp reads, the trace gate, and prototypes of cheaper guards (GuardPrototypes.cs).
    /// In each category the baseline is the plain forward, so the Ratio column reads as "this much of
    /// one plain forward".
    /// </summary>
    /// <remarks>
    /// <c>RecurrentCallGuard</c> and <c>RnnShapeTrace.IsEnabled</c> are internal to the runtime; they are
    /// called through delegates bound once by reflection, which costs what a direct call costs.
    /// </remarks>
    [Config(typeof(NoisyMachineConfig))]
    public class CheckCostBenchmarks
    {
        private const string GruCellTiny = "GRUCell(4,8) [1,4], h0 [1,8]";
        private const string LstmZeroState = "LSTM(64,128) [32,16,64], zero (h0, c0)";

        private IDisposable _noGrad = null!;
        private GRUCell _plainCell = null!;
        private CheckedGRUCell _checkedCell = null!;
        private Parameter _cellWeight = null!;
        private RecurrentLayerSpec _cellSpec = null!;
        private Tensor _step = null!;
        private Tensor _cellH0 = null!;
        private Shape _stepShape = null!;
        private Shape _cellH0Shape = null!;
        private string _dtypeName = null!;
        private string _deviceName = null!;
        private LSTM _plainLstm = null!;
        private Parameter _lstmWeight = null!;
        private RecurrentLayerSpec _lstmSpec = null!;
        private Tensor _sequence = null!;
        private Tensor _h0 = null!;
        private Tensor _c0 = null!;
        private Func<RecurrentLayerSpec, Tensor, Tensor?, Tensor?, Tensor?, RecurrentCallCheck> _guard = null!;
        private Func<bool> _traceEnabled = null!;
        private CachedSignatureGuardPrototype _cachedGuard = null!;

        [GlobalSetup]
        public void Setup()
        {
            _noGrad = TorchSetup.ForInference();

            _plainCell = nn.GRUCell(4, 8);
            var cellCopy = nn.GRUCell(4, 8);
            cellCopy.load_state_dict(_plainCell.state_dict());
            _checkedCell = CheckedNN.From(cellCopy);
            _cellWeight = cellCopy.named_parameters(recurse: false).First().parameter;
            _cellSpec = _checkedCell.Spec;
            _step = torch.randn(1, 4);
            _cellH0 = torch.zeros(1, 8);
            _stepShape = Shape.Of(_step.shape);
            _cellH0Shape = Shape.Of(_cellH0.shape);
            _dtypeName = _step.dtype.ToString();
            _deviceName = _step.device.ToString();

            _plainLstm = nn.LSTM(64, 128);
            _lstmWeight = _plainLstm.named_parameters(recurse: false).First().parameter;
            _lstmSpec = RecurrentLayerInspector.Inspect(_plainLstm);
            _sequence = torch.randn(32, 16, 64);
            _h0 = torch.zeros(1, 16, 128);
            _c0 = torch.zeros(1, 16, 128);

            var runtime = typeof(CheckedNN).Assembly;
            _guard = runtime.GetType("RnnShapeAnalyzers.Runtime.RecurrentCallGuard", throwOnError: true)!
                .GetMethod("Check", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!
                .CreateDelegate<Func<RecurrentLayerSpec, Tensor, Tensor?, Tensor?, Tensor?, RecurrentCallCheck>>();
            _traceEnabled = typeof(RnnShapeTrace)
                .GetProperty("IsEnabled", BindingFlags.NonPublic | BindingFlags.Static)!
                .GetMethod!
                .CreateDelegate<Func<bool>>();
            _cachedGuard = new CachedSignatureGuardPrototype(_guard);

            var ok = _guard(_cellSpec, _cellWeight, _step, _cellH0, null).IsValid
                && _guard(_lstmSpec, _lstmWeight, _sequence, _h0, _c0).IsValid
                && GuardPrototypes.CheaperShapeReads(_cellSpec, _cellWeight, _step, _cellH0, null).IsValid
                && GuardPrototypes.ShapeOf(_step).Equals(_stepShape)
                && _cachedGuard.Check(_cellSpec, _cellWeight, _step, _cellH0)
                && !_traceEnabled();
            if (!ok)
            {
                throw new InvalidOperationException("The setup is not the valid, untraced call the benchmarks mean to measure.");
            }
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _plainCell.Dispose();
            _checkedCell.Dispose();
            _step.Dispose();
            _cellH0.Dispose();
            _plainLstm.Dispose();
            _sequence.Dispose();
            _h0.Dispose();
            _c0.Dispose();
            _noGrad.Dispose();
        }

        [BenchmarkCategory(GruCellTiny)]
        [Benchmark(Baseline = true, Description = "plain forward")]
        public void CellPlainForward() => _plainCell.call(_step, _cellH0).Dispose();

        [BenchmarkCategory(GruCellTiny)]
        [Benchmark(Description = "checked forward")]
        public void CellCheckedForward() => _checkedCell.call(_step, _cellH0).Dispose();

        [BenchmarkCategory(GruCellTiny)]
        [Benchmark(Description = "RecurrentCallGuard.Check (whole guard)")]
        public RecurrentCallCheck CellGuard() => _guard(_cellSpec, _cellWeight, _step, _cellH0, null);

        [BenchmarkCategory(GruCellTiny)]
        [Benchmark(Description = "guard part 1: TorchSharp reads")]
        public int CellReads()
        {
            // What TensorFacts.Of reads of input and h0, and what the guard reads of the weight.
            var n = _cellWeight.IsInvalid ? 1 : 0;
            n += _step.IsInvalid ? 1 : 0;
            n += Shape.Of(_step.shape).Rank + _step.dtype.ToString().Length + _step.device.ToString().Length;
            n += _cellH0.IsInvalid ? 1 : 0;
            n += Shape.Of(_cellH0.shape).Rank + _cellH0.dtype.ToString().Length + _cellH0.device.ToString().Length;
            n += _cellWeight.dtype.ToString().Length + _cellWeight.device.ToString().Length;
            return n;
        }

        [BenchmarkCategory(GruCellTiny)]
        [Benchmark(Description = "guard part 2: the rules (managed)")]
        public int CellRules()
        {
            var check = RecurrentShapeRules.CheckCall(_cellSpec, _stepShape, _cellH0Shape, null);
            var types = ElementTypeRules.CheckElementTypes(_cellSpec.Kind, _dtypeName, _dtypeName, _dtypeName, null);
            var devices = ElementTypeRules.CheckDevices(_cellSpec.Kind, _deviceName, _deviceName, _deviceName, null);
            return check.Violations.Count + types.Count + devices.Count;
        }

        [BenchmarkCategory(GruCellTiny)]
        [Benchmark(Description = "one read: Shape.Of(t.shape)")]
        public Shape ReadShape() => Shape.Of(_step.shape);

        [BenchmarkCategory(GruCellTiny)]
        [Benchmark(Description = "one read: Dimensions + size(i)")]
        public Shape ReadShapeBySize() => GuardPrototypes.ShapeOf(_step);

        [BenchmarkCategory(GruCellTiny)]
        [Benchmark(Description = "one read: t.dtype")]
        public ScalarType ReadDType() => _step.dtype;

        [BenchmarkCategory(GruCellTiny)]
        [Benchmark(Description = "one read: t.device.ToString()")]
        public string ReadDevice() => _step.device.ToString();

        [BenchmarkCategory(GruCellTiny)]
        [Benchmark(Description = "trace gate (nobody listening)")]
        public bool TraceGate() => _traceEnabled();

        [BenchmarkCategory(GruCellTiny)]
        [Benchmark(Description = "prototype 1: guard, shapes by size(i)")]
        public RecurrentCallCheck CellGuardCheaperReads() => GuardPrototypes.CheaperShapeReads(_cellSpec, _cellWeight, _step, _cellH0, null);

        [BenchmarkCategory(GruCellTiny)]
        [Benchmark(Description = "prototype 2: guard, repeated call cached")]
        public bool CellGuardCached() => _cachedGuard.Check(_cellSpec, _cellWeight, _step, _cellH0);

        [BenchmarkCategory(LstmZeroState)]
        [Benchmark(Baseline = true, Description = "plain forward")]
        public void LstmPlainForward()
        {
            var (output, hN, cN) = _plainLstm.call(_sequence, (_h0, _c0));
            output.Dispose();
            hN.Dispose();
            cN.Dispose();
        }

        [BenchmarkCategory(LstmZeroState)]
        [Benchmark(Description = "RecurrentCallGuard.Check (whole guard)")]
        public RecurrentCallCheck LstmGuard() => _guard(_lstmSpec, _lstmWeight, _sequence, _h0, _c0);
    }
}
