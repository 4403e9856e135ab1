namespace RnnShapeAnalyzers.ShapeRules
{
    /// <summary>One position of a tensor index expression such as <c>output[.., -1, ..]</c>.</summary>
    public enum TensorIndexKind
    {
        /// <summary>An integer: selects one entry and removes the dimension.</summary>
        Integer,

        /// <summary>The whole dimension (<c>..</c>, <c>TensorIndex.Colon</c>): kept as it is.</summary>
        FullSlice,

        /// <summary>Part of the dimension (<c>1..</c>, <c>TensorIndex.Slice(...)</c>): kept, size unknown.</summary>
        PartialSlice,

        /// <summary><c>TensorIndex.Ellipsis</c>: every dimension not otherwise indexed.</summary>
        Ellipsis,

        /// <summary><c>TensorIndex.None</c>: inserts a dimension of size 1.</summary>
        NewAxis,
    }
}
