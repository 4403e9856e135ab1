using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using RnnShapeAnalyzers.ShapeRules;

namespace RnnShapeAnalyzers.Tracking
{
    /// <summary>
    /// A <c>call</c>/<c>forward</c> of a recurrent layer or cell whose layer the analyzer found, with what
    /// it knows of each tensor, and what the call returns.
    /// </summary>
    internal sealed class RecurrentCall
    {
        private readonly TrackedTensor?[] _results = new TrackedTensor?[3];
        private ShapeEvaluator? _evaluator;
        private TrackedTensor? _settledInput;

        private RecurrentCall(IInvocationOperation invocation, TrackedLayer layer, TrackedTensor input, SyntaxNode inputSyntax, bool isPacked, TrackedTensor? hiddenState, SyntaxNode? hiddenStateSyntax, TrackedTensor? cellState, SyntaxNode? cellStateSyntax)
        {
            Invocation = invocation;
            Layer = layer;
            Spec = layer.Spec!;
            Input = input;
            InputSyntax = inputSyntax;
            IsPacked = isPacked;
            HiddenState = hiddenState;
            HiddenStateSyntax = hiddenStateSyntax;
            CellState = cellState;
            CellStateSyntax = cellStateSyntax;
        }

        public IInvocationOperation Invocation { get; }

        public TrackedLayer Layer { get; }

        public RecurrentLayerSpec Spec { get; }

        /// <summary>The input; for a packed sequence, the padded tensor that was packed, in the layer's layout.</summary>
        public TrackedTensor Input { get; }

        public SyntaxNode InputSyntax { get; }

        /// <summary>True when the input is a <c>PackedSequence</c> made by <c>pack_padded_sequence</c>.</summary>
        public bool IsPacked { get; }

        /// <summary>Null when the state is omitted or null.</summary>
        public TrackedTensor? HiddenState { get; }

        public SyntaxNode? HiddenStateSyntax { get; }

        /// <summary>LSTM and LSTMCell only; null when the state is omitted or null.</summary>
        public TrackedTensor? CellState { get; }

        public SyntaxNode? CellStateSyntax { get; }

        /// <summary>The tensor passed as <paramref name="operand"/>, or null when it is omitted.</summary>
        public TrackedTensor? Operand(ShapeOperand operand) => operand switch
        {
            ShapeOperand.HiddenState => HiddenState,
            ShapeOperand.CellState => CellState,
            _ => Input,
        };

        /// <summary>
        /// What the call returns at <paramref name="index"/>: (output, h_n[, c_n]) for RNN, LSTM and GRU;
        /// the new state for RNNCell and GRUCell (index 0); (h', c') for LSTMCell.
        /// </summary>
        public TrackedTensor Result(int index)
        {
            if (index < 0 || index >= _results.Length)
            {
                return TrackedTensor.Unknown;
            }

            return _results[index] ??= ComputeResult(index);
        }

        private TrackedTensor ComputeResult(int index)
        {
            var spec = Spec;
            var elementType = Layer.ElementType;
            var input = _settledInput ??= SettledInput();
            if (spec.Kind.IsCell())
            {
                if (index > (spec.Kind.HasCellState() ? 1 : 0))
                {
                    return TrackedTensor.Unknown;
                }

                var part = index == 0 ? TensorProducerPart.RecurrentOutput : TensorProducerPart.RecurrentFinalState;
                return input.Map(shape => CellShapeRules.CheckCellCall(spec, shape, null).Output, keepsProducer: false, elementType, new TensorProducer(Layer, part));
            }

            switch (index)
            {
                case 0 when !IsPacked:
                    return input.Map(shape => RecurrentShapeRules.CheckSequenceCall(spec, shape, null).Output, keepsProducer: false, elementType, new TensorProducer(Layer, TensorProducerPart.RecurrentOutput));
                case 1:
                case 2 when spec.Kind.HasCellState():
                    return input.Map(shape => RecurrentShapeRules.CheckSequenceCall(spec, shape, null).HiddenOut, keepsProducer: false, elementType, new TensorProducer(Layer, TensorProducerPart.RecurrentFinalState));
                default:
                    return TrackedTensor.Unknown;
            }
        }

        /// <summary>
        /// The input with its root's rank settled when the layer decides it (RNN, LSTM and GRU read 3-D
        /// input): what the call returns then has a known shape, named after the root, wherever it goes.
        /// </summary>
        private TrackedTensor SettledInput()
        {
            if (Spec.Kind.IsCell() || _evaluator is null || Input.Root is not { } root || Input.ShapeForRootRank is not { } shapeFor)
            {
                return Input;
            }

            var ranks = CallShapes.AcceptedRootRanks(Spec, shapeFor);
            return ranks.Count == 1 && ranks[0] is var r
                ? new TrackedTensor(_evaluator.Settle(shapeFor(r), root, r), System.Collections.Immutable.ImmutableArray<SyntaxNode>.Empty, null, Input.ElementType, Input.Producer)
                : Input;
        }

        public static RecurrentCall? TryCreate(IInvocationOperation invocation, ShapeEvaluator evaluator, int depth = 0)
        {
            if (evaluator.EvaluateLayer(invocation.Instance, depth) is not { Kind: TrackedLayerKind.Recurrent } layer)
            {
                return null;
            }

            IArgumentOperation? input = null, state = null;
            foreach (var argument in invocation.Arguments)
            {
                switch (argument.Parameter?.Ordinal)
                {
                    case 0:
                        input = argument;
                        break;
                    case 1:
                        state = argument;
                        break;
                }
            }

            if (input is null)
            {
                return null;
            }

            TrackedTensor inputTensor;
            var isPacked = false;
            if (evaluator.Symbols.IsTensor(input.Parameter!.Type))
            {
                inputTensor = evaluator.EvaluateTensor(input.Value, depth);
            }
            else if (SymbolEqualityComparer.Default.Equals(input.Parameter.Type, evaluator.Symbols.PackedSequence))
            {
                inputTensor = PackedInput(input.Value, layer.Spec!, evaluator, depth);
                isPacked = true;
            }
            else
            {
                return null;
            }

            RecurrentCall call;
            if (layer.Spec!.Kind.HasCellState())
            {
                var pair = evaluator.EvaluateStatePair(state);
                call = pair is { } p
                    ? new RecurrentCall(invocation, layer, inputTensor, input.Value.Syntax, isPacked, p.Hidden, p.HiddenSyntax, p.Cell, p.CellSyntax)
                    : new RecurrentCall(invocation, layer, inputTensor, input.Value.Syntax, isPacked, null, null, null, null);
            }
            else
            {
                var hidden = evaluator.EvaluateOptionalTensor(state);
                call = new RecurrentCall(invocation, layer, inputTensor, input.Value.Syntax, isPacked, hidden, hidden is null ? null : state!.Value.Syntax, null, null);
            }

            call._evaluator = evaluator;
            return call;
        }

        /// <summary>
        /// <c>pack_padded_sequence(x, lengths, batch_first: b)</c>: the layer runs on x's sequences whatever
        /// its own batchFirst, so x is seen in the layer's layout (transposed when the two flags differ).
        /// </summary>
        private static TrackedTensor PackedInput(IOperation value, RecurrentLayerSpec spec, ShapeEvaluator evaluator, int depth)
        {
            for (var i = 0; i < 8; i++)
            {
                switch (value)
                {
                    case IConversionOperation conversion:
                        value = conversion.Operand;
                        continue;
                    case ILocalReferenceOperation local when evaluator.SingleValueOf(local) is { Element: null } single:
                        value = single.Value;
                        continue;
                }

                break;
            }

            if (value is not IInvocationOperation { TargetMethod.Name: "pack_padded_sequence" } pack
                || !SymbolEqualityComparer.Default.Equals(pack.TargetMethod.ContainingType, evaluator.Symbols.RnnUtilities))
            {
                return TrackedTensor.Unknown;
            }

            IArgumentOperation? padded = null, batchFirstArgument = null;
            foreach (var argument in pack.Arguments)
            {
                switch (argument.Parameter?.Name)
                {
                    case "input":
                        padded = argument;
                        break;
                    case "batch_first":
                        batchFirstArgument = argument;
                        break;
                }
            }

            var packBatchFirst = batchFirstArgument is null ? false : evaluator.EvaluateBoolean(batchFirstArgument.Value, depth + 1);
            if (padded is null || packBatchFirst is null || spec.BatchFirst is not bool layerBatchFirst)
            {
                return TrackedTensor.Unknown;
            }

            var tensor = evaluator.EvaluateTensor(padded.Value, depth + 1);
            return packBatchFirst == layerBatchFirst ? tensor.Map(shape => shape, keepsProducer: true) : tensor.Map(shape => ShapeOps.Transpose(shape, 0, 1), keepsProducer: true);
        }
    }
}
