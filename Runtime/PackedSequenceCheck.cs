using System;
using RnnShapeAnalyzers.ShapeRules;
using TorchSharp;
using static TorchSharp.torch;
using PackedSequence = TorchSharp.torch.nn.utils.rnn.PackedSequence;

namespace RnnShapeAnalyzers.Runtime
{
    /// <summary>
    /// A packed sequence is time-major data (total steps, features) with its batch in
    /// <c>batch_sizes[0]</c>; the rules check it as a (?, batch, features) input, whatever batchFirst is.
    /// </summary>
    internal static class PackedSequenceCheck
    {
        public static void Check(RecurrentLayerSpec spec, PackedSequence? input, Tensor? hidden, Tensor? cell)
        {
            if (input is null)
            {
                throw new ArgumentNullException(nameof(input));
            }

            var data = TensorFacts.Of(input.data, "input");
            var batchSizes = TensorFacts.Of(input.batch_sizes, "input");
            var batch = batchSizes.Shape.IsRankKnown && batchSizes.Shape.Rank == 1 && batchSizes.Shape[0].Value > 0
                ? Dim.Of(input.batch_sizes[0].item<long>())
                : Dim.Unknown;
            var asInput = data.Shape.Rank == 2 ? Shape.Of(Dim.Unknown, batch, data.Shape[1]) : data.Shape;
            var hiddenFacts = TensorFacts.OfOptional(hidden, "h0");
            var cellFacts = TensorFacts.OfOptional(cell, "c0");
            var check = RecurrentShapeRules.CheckCall(spec.WithBatchFirst(false), asInput, hiddenFacts?.Shape, cellFacts?.Shape);
            if (check.Violations.Count > 0)
            {
                var violation = check.Violations[0];
                throw new RnnShapeException(violation, violation.OperandName);
            }
        }
    }
}
