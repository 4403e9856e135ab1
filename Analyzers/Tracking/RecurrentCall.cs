using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using RnnShapeAnalyzers.ShapeRules;

namespace RnnShapeAnalyzers.Tracking
{
    /// <summary>A <c>call</c>/<c>forward</c> of RNN, LSTM or GRU whose layer the analyzer found, with what it knows of each tensor.</summary>
    internal sealed class RecurrentCall
    {
        private RecurrentCall(TrackedLayer layer, TrackedTensor input, SyntaxNode inputSyntax, TrackedTensor? hiddenState, SyntaxNode? hiddenStateSyntax, TrackedTensor? cellState, SyntaxNode? cellStateSyntax)
        {
            Layer = layer;
            Input = input;
            InputSyntax = inputSyntax;
            HiddenState = hiddenState;
            HiddenStateSyntax = hiddenStateSyntax;
            CellState = cellState;
            CellStateSyntax = cellStateSyntax;
        }

        public TrackedLayer Layer { get; }

        public TrackedTensor Input { get; }

        public SyntaxNode InputSyntax { get; }

        /// <summary>Null when the state is omitted or null.</summary>
        public TrackedTensor? HiddenState { get; }

        public SyntaxNode? HiddenStateSyntax { get; }

        /// <summary>LSTM only; null when the state is omitted or null.</summary>
        public TrackedTensor? CellState { get; }

        public SyntaxNode? CellStateSyntax { get; }

        /// <summary>The tensor passed as <paramref name="operand"/>, or null when it is omitted.</summary>
        public TrackedTensor? Operand(ShapeOperand operand) => operand switch
        {
            ShapeOperand.HiddenState => HiddenState,
            ShapeOperand.CellState => CellState,
            _ => Input,
        };

        public static RecurrentCall? TryCreate(IInvocationOperation invocation, ShapeEvaluator evaluator)
        {
            if (evaluator.EvaluateLayer(invocation.Instance) is not { } layer)
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

            // The PackedSequence overloads of call take no plain tensor: not checked here.
            if (input is null || input.Parameter!.Type.Name != "Tensor")
            {
                return null;
            }

            var inputTensor = evaluator.EvaluateTensor(input.Value);
            if (layer.Spec.Kind.HasCellState())
            {
                var pair = evaluator.EvaluateStatePair(state);
                return pair is { } p
                    ? new RecurrentCall(layer, inputTensor, input.Value.Syntax, p.Hidden, p.HiddenSyntax, p.Cell, p.CellSyntax)
                    : new RecurrentCall(layer, inputTensor, input.Value.Syntax, null, null, null, null);
            }

            var hidden = evaluator.EvaluateOptionalTensor(state);
            return new RecurrentCall(layer, inputTensor, input.Value.Syntax, hidden, hidden is null ? null : state!.Value.Syntax, null, null);
        }
    }
}
