using System;
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
    /// Where the checked layers' extra time goes, against the runtime as it is: the guard a checked module
    /// runs before each forward when the call repeats the last accepted one (a cache hit: the tensors are
    /// read and compared, the rules do not run) and when it does not (a cache miss: the tensors are read,
    /// the rules run, and the call is remembered), the shape read the guard uses, and the trace gate.
    /// In each category the baseline is a plain forward, so the Ratio column reads as "this much of one
    /// plain forward".
    /// </summary>
    /// <remarks>
    /// Misses are forced by alternating two valid calls that differ in batch size (1 and 2 for the cell,
    /// 16 and 8 for the LSTM): each call differs from the one before, so every call runs the full check.
    /// The plain baseline of that category alternates the same way, so checked and plain do the same work.
    /// <para>
    /// The guard is the checked module's own <c>Check(input, h0, c0)</c> (private protected), called
    /// through a delegate bound once by reflection: it uses the module's reference weight and its memory
    /// of the last accepted call, exactly as its forward does. <c>TensorFacts.ShapeOf</c> and
    /// <c>RnnShapeTrace.IsEnabled</c> are internal and bound the same way; a delegate call costs what a
    /// direct call costs, give or take a nanosecond.
    /// </para>
    /// </remarks>
    [Config(typeof(NoisyMachineConfig))]
    public class CheckCostBenchmarks
    {
        private const string GruCellRepeat = "GRUCell(4,8) [1,4], h0 [1,8], same call repeated";
        private const string GruCellAlternate = "GRUCell(4,8) alternating batch 1 and 2";
        private const string LstmZeroState = "LSTM(64,128) [32,16,64], zero (h0, c0)";

        private IDisposable _noGrad = null!;

        private GRUCell _plainCell = null!;
        private CheckedGRUCell _checkedCell = null!;
        private Func<Tensor?, Tensor?, Tensor?, RecurrentCallCheck> _cellGuard = null!;
        private Tensor[] _steps = null!;
        private Tensor[] _cellH0s = null!;
        private int _turn;

        private LSTM _plainLstm = null!;
        private CheckedLSTM _checkedLstm = null!;
        private Func<Tensor?, Tensor?, Tensor?, RecurrentCallCheck> _lstmGuard = null!;
        private Tensor[] _sequences = null!;
        private Tensor[] _h0s = null!;
        private Tensor[] _c0s = null!;

        private Func<Tensor, Shape> _shapeOf = null!;
        private Func<bool> _traceEnabled = null!;

        [GlobalSetup]
        public void Setup()
        {
            _noGrad = TorchSetup.ForInference();

            _plainCell = nn.GRUCell(4, 8);
            var cellCopy = nn.GRUCell(4, 8);
            cellCopy.load_state_dict(_plainCell.state_dict());
            _checkedCell = CheckedNN.From(cellCopy);
            _plainCell.eval();
            _checkedCell.eval();
            _cellGuard = GuardOf(_checkedCell);
            _steps = new[] { torch.randn(1, 4), torch.randn(2, 4) };
            _cellH0s = new[] { torch.zeros(1, 8), torch.zeros(2, 8) };

            _plainLstm = nn.LSTM(64, 128);
            var lstmCopy = nn.LSTM(64, 128);
            lstmCopy.load_state_dict(_plainLstm.state_dict());
            _checkedLstm = CheckedNN.From(lstmCopy);
            _plainLstm.eval();
            _checkedLstm.eval();
            _lstmGuard = GuardOf(_checkedLstm);
            _sequences = new[] { torch.randn(32, 16, 64), torch.randn(32, 8, 64) };
            _h0s = new[] { torch.zeros(1, 16, 128), torch.zeros(1, 8, 128) };
            _c0s = new[] { torch.zeros(1, 16, 128), torch.zeros(1, 8, 128) };

            var runtime = typeof(CheckedNN).Assembly;
            _shapeOf = runtime.GetType("RnnShapeAnalyzers.Runtime.TensorFacts", throwOnError: true)!
                .GetMethod("ShapeOf", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!
                .CreateDelegate<Func<Tensor, Shape>>();
            _traceEnabled = typeof(RnnShapeTrace)
                .GetProperty("IsEnabled", BindingFlags.NonPublic | BindingFlags.Static)!
                .GetMethod!
                .CreateDelegate<Func<bool>>();

            using (torch.NewDisposeScope())
            {
                for (var i = 0; i < 2; i++)
                {
                    TorchSetup.RequireSame(_plainCell.call(_steps[i], _cellH0s[i]), _checkedCell.call(_steps[i], _cellH0s[i]), GruCellAlternate);
                    TorchSetup.RequireSame(_plainLstm.call(_sequences[i], (_h0s[i], _c0s[i])).Item1, _checkedLstm.call(_sequences[i], (_h0s[i], _c0s[i])).Item1, LstmZeroState);
                }
            }

            RequireHitAndMiss(_checkedCell, () => _cellGuard(_steps[0], _cellH0s[0], null), () => _cellGuard(_steps[1], _cellH0s[1], null), "GRUCell");
            RequireHitAndMiss(_checkedLstm, () => _lstmGuard(_sequences[0], _h0s[0], _c0s[0]), () => _lstmGuard(_sequences[1], _h0s[1], _c0s[1]), "LSTM");
            if (!_shapeOf(_steps[1]).Equals(Shape.Of(_steps[1].shape)) || _traceEnabled())
            {
                throw new InvalidOperationException("The setup is not the untraced call the benchmarks mean to measure, or ShapeOf disagrees with tensor.shape.");
            }

            // Every benchmark starts from a remembered [1,4] / [32,16,64] call, as a repeating loop would.
            _cellGuard(_steps[0], _cellH0s[0], null);
            _lstmGuard(_sequences[0], _h0s[0], _c0s[0]);
            _turn = 0;
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _plainCell.Dispose();
            _checkedCell.Dispose();
            _plainLstm.Dispose();
            _checkedLstm.Dispose();
            foreach (var tensor in new[] { _steps[0], _steps[1], _cellH0s[0], _cellH0s[1], _sequences[0], _sequences[1], _h0s[0], _h0s[1], _c0s[0], _c0s[1] })
            {
                tensor.Dispose();
            }

            _noGrad.Dispose();
        }

        // Same call every time: the checked path takes the cache hit.

        [BenchmarkCategory(GruCellRepeat)]
        [Benchmark(Baseline = true, Description = "plain forward")]
        public void CellPlainForward() => _plainCell.call(_steps[0], _cellH0s[0]).Dispose();

        [BenchmarkCategory(GruCellRepeat)]
        [Benchmark(Description = "checked forward (cache hit)")]
        public void CellCheckedForward() => _checkedCell.call(_steps[0], _cellH0s[0]).Dispose();

        [BenchmarkCategory(GruCellRepeat)]
        [Benchmark(Description = "guard, cache hit")]
        public RecurrentCallCheck CellGuardHit() => _cellGuard(_steps[0], _cellH0s[0], null);

        [BenchmarkCategory(GruCellRepeat)]
        [Benchmark(Description = "one shape read: TensorFacts.ShapeOf")]
        public Shape ReadShape() => _shapeOf(_steps[0]);

        [BenchmarkCategory(GruCellRepeat)]
        [Benchmark(Description = "trace gate, nobody listening")]
        public bool TraceGate() => _traceEnabled();

        // Batch 1, 2, 1, 2, ...: every checked call misses and runs the full check.

        [BenchmarkCategory(GruCellAlternate)]
        [Benchmark(Baseline = true, Description = "plain forward")]
        public void CellPlainForwardAlternating()
        {
            var i = _turn ^= 1;
            _plainCell.call(_steps[i], _cellH0s[i]).Dispose();
        }

        [BenchmarkCategory(GruCellAlternate)]
        [Benchmark(Description = "checked forward (cache miss)")]
        public void CellCheckedForwardAlternating()
        {
            var i = _turn ^= 1;
            _checkedCell.call(_steps[i], _cellH0s[i]).Dispose();
        }

        [BenchmarkCategory(GruCellAlternate)]
        [Benchmark(Description = "guard, cache miss")]
        public RecurrentCallCheck CellGuardMiss()
        {
            var i = _turn ^= 1;
            return _cellGuard(_steps[i], _cellH0s[i], null);
        }

        // The LSTM: the guard alone, next to a forward it is a small part of.

        [BenchmarkCategory(LstmZeroState)]
        [Benchmark(Baseline = true, Description = "plain forward")]
        public void LstmPlainForward()
        {
            var (output, hN, cN) = _plainLstm.call(_sequences[0], (_h0s[0], _c0s[0]));
            output.Dispose();
            hN.Dispose();
            cN.Dispose();
        }

        [BenchmarkCategory(LstmZeroState)]
        [Benchmark(Description = "guard, cache hit")]
        public RecurrentCallCheck LstmGuardHit() => _lstmGuard(_sequences[0], _h0s[0], _c0s[0]);

        [BenchmarkCategory(LstmZeroState)]
        [Benchmark(Description = "guard, cache miss (batch 16 and 8 alternating)")]
        public RecurrentCallCheck LstmGuardMiss()
        {
            var i = _turn ^= 1;
            return _lstmGuard(_sequences[i], _h0s[i], _c0s[i]);
        }

        /// <summary>The checked module's own guard, <c>Check(input, h0, c0)</c>, bound to it.</summary>
        private static Func<Tensor?, Tensor?, Tensor?, RecurrentCallCheck> GuardOf(nn.Module module)
        {
            for (var type = module.GetType(); type is not null; type = type.BaseType)
            {
                var method = type.GetMethod("Check", BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly, new[] { typeof(Tensor), typeof(Tensor), typeof(Tensor) });
                if (method is not null)
                {
                    return method.CreateDelegate<Func<Tensor?, Tensor?, Tensor?, RecurrentCallCheck>>(module);
                }
            }

            throw new InvalidOperationException($"{module.GetType().Name} has no Check(input, h0, c0); the runtime changed, update the benchmark.");
        }

        /// <summary>
        /// Refuses to run unless a repeated call is a hit (the remembered call stays the same object) and a
        /// changed call is a miss (a new call is remembered): otherwise the two rows would measure the same path.
        /// </summary>
        private static void RequireHitAndMiss(nn.Module module, Func<RecurrentCallCheck> first, Func<RecurrentCallCheck> second, string what)
        {
            object? Remembered()
            {
                for (var type = module.GetType(); type is not null; type = type.BaseType)
                {
                    var field = type.GetField("_lastAccepted", BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly);
                    if (field is not null)
                    {
                        return field.GetValue(module);
                    }
                }

                throw new InvalidOperationException($"{what}: no _lastAccepted field; the runtime changed, update the benchmark.");
            }

            var valid = first().IsValid;
            var afterFirst = Remembered();
            valid &= first().IsValid;
            var afterRepeat = Remembered();
            valid &= second().IsValid;
            var afterChange = Remembered();
            if (!valid || afterFirst is null || !ReferenceEquals(afterFirst, afterRepeat) || ReferenceEquals(afterRepeat, afterChange))
            {
                throw new InvalidOperationException($"{what}: the guard does not hit on a repeated call and miss on a changed one, or the calls are not valid.");
            }
        }
    }
}
