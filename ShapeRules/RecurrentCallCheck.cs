using System.Collections.Generic;

namespace RnnShapeAnalyzers.ShapeRules
{
    /// <summary>The verdict on one recurrent call: what is wrong, and the shapes it returns when nothing is.</summary>
    public sealed class RecurrentCallCheck
    {
        internal RecurrentCallCheck(IReadOnlyList<ShapeViolation> violations, Shape output, Shape hiddenOut, Shape? cellOut)
        {
            Violations = violations;
            Output = output;
            HiddenOut = hiddenOut;
            CellOut = cellOut;
        }

        /// <summary>Everything the rules prove wrong, in the order libtorch would check it.</summary>
        public IReadOnlyList<ShapeViolation> Violations { get; }

        /// <summary>True when no rule is broken (unknown dimensions are not violations).</summary>
        public bool IsValid => Violations.Count == 0;

        /// <summary>The output sequence: (L, N, D*H), or (N, L, D*H) with batchFirst; for cells (N, H).</summary>
        public Shape Output { get; }

        /// <summary>h_n: (numLayers * D, N, H); for cells the new hidden state (N, H).</summary>
        public Shape HiddenOut { get; }

        /// <summary>c_n for LSTM and LSTMCell; null for the others.</summary>
        public Shape? CellOut { get; }
    }
}
