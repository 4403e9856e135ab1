using System;
using System.Collections.Generic;
using RnnShapeAnalyzers.ShapeRules;

namespace RnnShapeAnalyzers.Runtime.Tests.Differential
{
    /// <summary>
    /// Draws the calls of the differential test. Even draws are built correct, odd draws are built
    /// correct and then changed in one thing, the kind of mistake real code makes. Each draw depends only
    /// on (seed, index), so any one of them can be drawn again alone.
    /// </summary>
    /// <remarks>
    /// Sizes are small (1 to 6, sometimes 0) so that libtorch runs each call in microseconds; the shape
    /// rules do not depend on magnitudes, only on which dimensions are equal, zero or missing.
    /// </remarks>
    internal static class DifferentialCaseGenerator
    {
        public static DifferentialCase Draw(int seed, int index)
        {
            var random = new Random(unchecked((seed * 1_000_003) + index));
            var draft = new Draft(random);
            string? category = null, perturbation = null;
            if (index % 2 == 1)
            {
                (category, perturbation) = draft.Kind.IsCell() ? PerturbCellCall(draft) : PerturbSequenceCall(draft);
            }

            return new DifferentialCase(seed, index, draft.Kind, draft.InputSize, draft.HiddenSize, draft.NumLayers, draft.Bidirectional, draft.BatchFirst,
                draft.Input, draft.Hidden, draft.Cell, category, perturbation);
        }

        /// <summary>The kinds of change to RNN, LSTM and GRU calls, by the number that picks them.</summary>
        private static readonly string[] SequenceCategories =
        {
            "input feature size", "state batch", "state layers * directions", "state hidden size", "state batch from the sequence",
            "state batch-first", "input dimension dropped", "input dimension added", "state dimension dropped", "state dimension added",
            "zero-length sequence", "zero batch", "state omitted", "input 1-D or 0-D", "input layout swapped", "unbatched form",
        };

        /// <summary>The kinds of change to cell calls, by the number that picks them.</summary>
        private static readonly string[] CellCategories =
        {
            "input feature size", "state batch", "state hidden size", "input dimension dropped", "input dimension added",
            "state dimension dropped", "state dimension added", "state omitted", "zero batch", "1-D input", "2-D input, 1-D state",
            "state transposed",
        };

        private static (string Category, string Detail) PerturbSequenceCall(Draft d)
        {
            var r = d.Random;
            var batchIndex = d.BatchFirst ? 0 : 1;
            var sequenceIndex = 1 - batchIndex;
            while (true)
            {
                var choice = r.Next(SequenceCategories.Length);
                if (Apply(choice) is { } detail)
                {
                    return (SequenceCategories[choice], detail);
                }
            }

            string? Apply(int choice)
            {
                switch (choice)
                {
                    case 0:
                        return d.ChangeInputFeatures();
                    case 1 when d.HasState:
                        return d.ChangeStates("batch (dimension 1)", 1, Other(r, d.Input[batchIndex], 0, 6));
                    case 2 when d.HasState:
                        return d.ChangeStates("numLayers * directions (dimension 0)", 0, OtherLayers(r, d));
                    case 3 when d.HasState:
                        return d.ChangeStates("hiddenSize (dimension 2)", 2, Other(r, d.HiddenSize, 0, 7));
                    case 4 when d.HasState:
                        return d.ChangeStates("batch (dimension 1) to the input's sequence length, as for the opposite batchFirst", 1, d.Input[sequenceIndex]);
                    case 5 when d.HasState:
                        return d.SwapStateDimensions(0, 1, "laid out batch-first (batch, numLayers * directions, hiddenSize)");
                    case 6:
                        return d.DropInputDimension();
                    case 7:
                        return d.AddInputDimension();
                    case 8 when d.HasState:
                        return d.DropStateDimension();
                    case 9 when d.HasState:
                        return d.AddStateDimension();
                    case 10:
                        d.Input[sequenceIndex] = 0;
                        return $"zero-length sequence (input dimension {sequenceIndex} is 0)";
                    case 11:
                        d.Input[batchIndex] = 0;
                        d.SetStateDimension(1, 0);
                        return "zero batch (input and state)";
                    case 12 when d.HasState:
                        d.Hidden = null;
                        d.Cell = null;
                        return "state omitted";
                    case 13:
                        return r.Next(2) == 0
                            ? d.ReplaceInput(new List<long> { d.InputSize }, "input replaced by a 1-D tensor (inputSize)")
                            : d.ReplaceInput(new List<long>(), "input replaced by a 0-D tensor");
                    case 14:
                        (d.Input[0], d.Input[1]) = (d.Input[1], d.Input[0]);
                        return "input dimensions 0 and 1 swapped (the opposite batchFirst layout)";
                    case 15:
                        d.Input.RemoveAt(batchIndex);
                        d.RemoveStateDimension(1);
                        return "PyTorch's unbatched form: input (L, inputSize), state (numLayers * directions, hiddenSize)";
                }

                // Not applicable to this call (e.g. a state change without a state): draw again.
                return null;
            }
        }

        private static (string Category, string Detail) PerturbCellCall(Draft d)
        {
            var r = d.Random;
            var batched = d.Input.Count == 2;
            while (true)
            {
                var choice = r.Next(CellCategories.Length);
                if (Apply(choice) is { } detail)
                {
                    return (CellCategories[choice], detail);
                }
            }

            string? Apply(int choice)
            {
                switch (choice)
                {
                    case 0:
                        return d.ChangeInputFeatures();
                    case 1 when batched && d.HasState:
                        return d.ChangeStates("batch (dimension 0)", 0, Other(r, d.Input[0], 0, 6));
                    case 2 when d.HasState:
                        return d.ChangeStates("hiddenSize (last dimension)", d.Hidden!.Count - 1, Other(r, d.HiddenSize, 0, 7));
                    case 3:
                        return d.DropInputDimension();
                    case 4:
                        return d.AddInputDimension();
                    case 5 when d.HasState:
                        return d.DropStateDimension();
                    case 6 when d.HasState:
                        return d.AddStateDimension();
                    case 7 when d.HasState:
                        d.Hidden = null;
                        d.Cell = null;
                        return "state omitted (null)";
                    case 8 when batched:
                        d.Input[0] = 0;
                        d.SetStateDimension(0, 0);
                        return "zero batch (input and state)";
                    case 9:
                        return UnbatchedCellInput(d);
                    case 10 when batched && d.HasState:
                        d.RemoveStateDimension(0);
                        return "2-D input with a 1-D state (hiddenSize)";
                    case 11 when batched && d.HasState:
                        return d.SwapStateDimensions(0, 1, "transposed (hiddenSize, batch)");
                }

                // Not applicable to this call (e.g. a state change without a state): draw again.
                return null;
            }
        }

        /// <summary>A 1-D input (inputSize) with no state, a 1-D state or a (1, hiddenSize) state.</summary>
        private static string UnbatchedCellInput(Draft d)
        {
            d.Input.Clear();
            d.Input.Add(d.InputSize);
            switch (d.Random.Next(3))
            {
                case 0:
                    d.Hidden = null;
                    d.Cell = null;
                    return "1-D input without a state";
                case 1:
                    d.SetState(new List<long> { d.HiddenSize });
                    return "1-D input with a 1-D state";
                default:
                    d.SetState(new List<long> { 1, d.HiddenSize });
                    return "1-D input with a (1, hiddenSize) state";
            }
        }

        /// <summary>A state dimension 0 other than numLayers * D, often one that mixes up layers and directions.</summary>
        private static long OtherLayers(Random r, Draft d)
        {
            var stateLayers = d.NumLayers * (d.Bidirectional ? 2 : 1);
            var confusions = new List<long> { d.NumLayers, d.NumLayers * 2, d.Bidirectional ? 2 : 1 };
            confusions.RemoveAll(v => v == stateLayers);
            return confusions.Count > 0 && r.Next(2) == 0 ? confusions[r.Next(confusions.Count)] : Other(r, stateLayers, 0, 7);
        }

        /// <summary>A value in [min, max] other than <paramref name="value"/>.</summary>
        private static long Other(Random r, long value, int min, int max)
        {
            while (true)
            {
                long candidate = r.Next(min, max + 1);
                if (candidate != value)
                {
                    return candidate;
                }
            }
        }

        /// <summary>A correct call under construction, changed in place by a perturbation.</summary>
        private sealed class Draft
        {
            public Draft(Random random)
            {
                Random = random;
                Kind = (RecurrentKind)random.Next(6);
                InputSize = random.Next(1, 7);
                HiddenSize = random.Next(1, 7);
                long batch = random.Next(1, 5);
                if (Kind.IsCell())
                {
                    NumLayers = 1;
                    var batched = random.Next(4) != 0;
                    Input = batched ? new List<long> { batch, InputSize } : new List<long> { InputSize };
                    var state = batched ? new List<long> { batch, HiddenSize } : new List<long> { HiddenSize };

                    // The cells can build a default state only for a 2-D input, and LSTMCell never can.
                    if (Kind == RecurrentKind.LstmCell || !batched || random.Next(3) != 0)
                    {
                        SetState(state);
                    }
                }
                else
                {
                    NumLayers = random.Next(1, 4);
                    Bidirectional = random.Next(2) == 1;
                    BatchFirst = random.Next(2) == 1;
                    long sequence = random.Next(1, 6);
                    Input = BatchFirst ? new List<long> { batch, sequence, InputSize } : new List<long> { sequence, batch, InputSize };
                    if (random.Next(3) != 0)
                    {
                        SetState(new List<long> { NumLayers * (Bidirectional ? 2 : 1), batch, HiddenSize });
                    }
                }
            }

            public Random Random { get; }

            public RecurrentKind Kind { get; }

            public long InputSize { get; }

            public long HiddenSize { get; }

            public long NumLayers { get; }

            public bool Bidirectional { get; }

            public bool BatchFirst { get; }

            public List<long> Input { get; private set; }

            public List<long>? Hidden { get; set; }

            public List<long>? Cell { get; set; }

            public bool HasState => Hidden is not null;

            public void SetState(List<long> state)
            {
                Hidden = state;
                Cell = Kind.HasCellState() ? new List<long>(state) : null;
            }

            public string ChangeInputFeatures()
            {
                var features = Other(Random, InputSize, 0, 7);
                Input[Input.Count - 1] = features;
                return $"input feature size {InputSize} changed to {features}";
            }

            /// <summary>Sets dimension <paramref name="dimension"/> of h0, of c0 or of both (LSTM and LSTMCell).</summary>
            public string ChangeStates(string what, int dimension, long value)
            {
                var targets = Targets();
                foreach (var state in targets.States)
                {
                    state[dimension] = value;
                }

                return $"{targets.Name} {what} set to {value}";
            }

            public string SwapStateDimensions(int first, int second, string what)
            {
                var targets = Targets();
                foreach (var state in targets.States)
                {
                    (state[first], state[second]) = (state[second], state[first]);
                }

                return $"{targets.Name} {what}";
            }

            public string DropInputDimension()
            {
                var at = Random.Next(Input.Count);
                Input.RemoveAt(at);
                return $"input dimension {at} dropped";
            }

            public string AddInputDimension()
            {
                var at = Random.Next(Input.Count + 1);
                long size = Random.Next(1, 4);
                Input.Insert(at, size);
                return $"input gained a dimension of size {size} at {at}";
            }

            public string DropStateDimension()
            {
                var targets = Targets();
                var at = Random.Next(Hidden!.Count);
                foreach (var state in targets.States)
                {
                    state.RemoveAt(at);
                }

                return $"{targets.Name} dimension {at} dropped";
            }

            public string AddStateDimension()
            {
                var targets = Targets();
                var at = Random.Next(Hidden!.Count + 1);
                long size = Random.Next(1, 4);
                foreach (var state in targets.States)
                {
                    state.Insert(at, size);
                }

                return $"{targets.Name} gained a dimension of size {size} at {at}";
            }

            public string ReplaceInput(List<long> input, string what)
            {
                Input = input;
                return what;
            }

            /// <summary>Sets dimension <paramref name="dimension"/> of every state present.</summary>
            public void SetStateDimension(int dimension, long value)
            {
                foreach (var state in new[] { Hidden, Cell })
                {
                    if (state is not null)
                    {
                        state[dimension] = value;
                    }
                }
            }

            /// <summary>Removes dimension <paramref name="dimension"/> of every state present.</summary>
            public void RemoveStateDimension(int dimension)
            {
                foreach (var state in new[] { Hidden, Cell })
                {
                    state?.RemoveAt(dimension);
                }
            }

            /// <summary>h0 alone, or for LSTM and LSTMCell one of h0, c0 or both, chosen at random.</summary>
            private (string Name, List<long>[] States) Targets()
            {
                if (Cell is null)
                {
                    return ("h0", new[] { Hidden! });
                }

                return Random.Next(3) switch
                {
                    0 => ("h0", new[] { Hidden! }),
                    1 => ("c0", new[] { Cell }),
                    _ => ("h0 and c0", new[] { Hidden!, Cell }),
                };
            }
        }
    }
}
