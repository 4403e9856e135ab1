using System.Collections.Generic;
using System.Linq;
using RnnShapeAnalyzers.ShapeRules;

namespace RnnShapeAnalyzers.Runtime.Tests.Differential
{
    /// <summary>
    /// One draw of the differential test: a layer configuration and the shapes of one call to it. A null
    /// state means the call passes none (<c>call(x)</c>, or null for a cell).
    /// </summary>
    internal sealed class DifferentialCase
    {
        public DifferentialCase(int seed, int index, RecurrentKind kind, long inputSize, long hiddenSize, long numLayers, bool bidirectional, bool batchFirst,
            IReadOnlyList<long> input, IReadOnlyList<long>? hidden, IReadOnlyList<long>? cell, string? category, string? perturbation)
        {
            Seed = seed;
            Index = index;
            Kind = kind;
            InputSize = inputSize;
            HiddenSize = hiddenSize;
            NumLayers = numLayers;
            Bidirectional = bidirectional;
            BatchFirst = batchFirst;
            Input = input.ToArray();
            Hidden = hidden?.ToArray();
            Cell = cell?.ToArray();
            Category = category;
            Perturbation = perturbation;
        }

        public int Seed { get; }

        public int Index { get; }

        public RecurrentKind Kind { get; }

        public long InputSize { get; }

        public long HiddenSize { get; }

        public long NumLayers { get; }

        public bool Bidirectional { get; }

        public bool BatchFirst { get; }

        public long[] Input { get; }

        /// <summary>h0 (hx for cells), or null when no state is passed.</summary>
        public long[]? Hidden { get; }

        /// <summary>c0 of LSTM and LSTMCell, or null.</summary>
        public long[]? Cell { get; }

        /// <summary>The kind of change made to a correct call (e.g. "state batch"), or null when the draw was built correct.</summary>
        public string? Category { get; }

        /// <summary>What was changed from a correct call, in detail, or null when the draw was built correct.</summary>
        public string? Perturbation { get; }

        public bool IsPerturbed => Perturbation is not null;

        public bool IsCell => Kind.IsCell();

        public RecurrentLayerSpec Spec => new RecurrentLayerSpec(Kind, Dim.Of(InputSize), Dim.Of(HiddenSize), Dim.Of(NumLayers), Bidirectional, BatchFirst);

        public Shape InputShape => Shape.Of(Input);

        public Shape? HiddenShape => Hidden is null ? null : Shape.Of(Hidden);

        public Shape? CellShape => Cell is null ? null : Shape.Of(Cell);

        /// <summary>
        /// This call of a cell with the zero state a checked cell fills in when none is passed: h0 (and
        /// c0 for LSTMCell) of (batch, hiddenSize), or (hiddenSize) for a 1-D input.
        /// </summary>
        public DifferentialCase WithZeroState()
        {
            var state = Input.Length == 2 ? new[] { Input[0], HiddenSize } : new[] { HiddenSize };
            return new DifferentialCase(Seed, Index, Kind, InputSize, HiddenSize, NumLayers, Bidirectional, BatchFirst, Input, state, Kind.HasCellState() ? state : null,
                Category, (Perturbation ?? "built correct") + "; then the zero state passed explicitly");
        }

        /// <summary>Everything needed to rebuild the call by hand, and how to draw it again.</summary>
        public override string ToString()
        {
            var state = Hidden is null
                ? "no state"
                : Kind.HasCellState() ? $"state ({HiddenShape}, {CellShape?.ToString() ?? "null"})" : $"state {HiddenShape}";
            return $"draw #{Index} (RNNSHAPE_DIFF_SEED={Seed}): {Spec}, input {InputShape}, {state}; {Perturbation ?? "built correct"}";
        }
    }
}
