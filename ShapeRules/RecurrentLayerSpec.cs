namespace RnnShapeAnalyzers.ShapeRules
{
    /// <summary>
    /// The configuration of a recurrent layer that decides its shapes. Any part may be unknown:
    /// sizes as <see cref="Dim.Unknown"/>, flags as null. Bias, dropout, non-linearity, device and
    /// dtype do not change shapes and are not part of it.
    /// </summary>
    public sealed class RecurrentLayerSpec
    {
        /// <summary>Creates a spec; cells ignore <paramref name="numLayers"/>, <paramref name="bidirectional"/> and <paramref name="batchFirst"/>.</summary>
        public RecurrentLayerSpec(RecurrentKind kind, Dim inputSize, Dim hiddenSize, Dim numLayers, bool? bidirectional, bool? batchFirst)
        {
            Kind = kind;
            InputSize = inputSize;
            HiddenSize = hiddenSize;
            NumLayers = kind.IsCell() ? Dim.Of(1) : numLayers;
            Bidirectional = kind.IsCell() ? false : bidirectional;
            BatchFirst = kind.IsCell() ? false : batchFirst;
        }

        /// <summary>Which layer.</summary>
        public RecurrentKind Kind { get; }

        /// <summary><c>inputSize</c>: the feature size the input's last dimension must have.</summary>
        public Dim InputSize { get; }

        /// <summary><c>hiddenSize</c>.</summary>
        public Dim HiddenSize { get; }

        /// <summary><c>numLayers</c> (1 for cells).</summary>
        public Dim NumLayers { get; }

        /// <summary><c>bidirectional</c>, or null when unknown.</summary>
        public bool? Bidirectional { get; }

        /// <summary><c>batchFirst</c>, or null when unknown.</summary>
        public bool? BatchFirst { get; }

        /// <summary>D: 2 when bidirectional, 1 when not, unknown when unknown.</summary>
        public Dim Directions => Bidirectional switch
        {
            true => Dim.Of(2),
            false => Dim.Of(1),
            _ => Dim.Unknown,
        };

        /// <summary>The first dimension of every state tensor: numLayers * D.</summary>
        public Dim StateLayers => NumLayers * Directions;

        /// <summary>The feature size of the output: D * hiddenSize.</summary>
        public Dim OutputFeatures => Directions * HiddenSize;

        /// <summary>The same layer with <c>batchFirst</c> set to <paramref name="batchFirst"/>.</summary>
        public RecurrentLayerSpec WithBatchFirst(bool? batchFirst) => new RecurrentLayerSpec(Kind, InputSize, HiddenSize, NumLayers, Bidirectional, batchFirst);

        /// <summary>The same layer with <c>inputSize</c> set to <paramref name="inputSize"/>.</summary>
        public RecurrentLayerSpec WithInputSize(Dim inputSize) => new RecurrentLayerSpec(Kind, inputSize, HiddenSize, NumLayers, Bidirectional, BatchFirst);

        /// <summary>Readable form, e.g. <c>LSTM(inputSize: 10, hiddenSize: 20, numLayers: 2, bidirectional: true, batchFirst: false)</c>.</summary>
        public override string ToString() => Kind.IsCell()
            ? $"{Kind.DisplayName()}(inputSize: {InputSize}, hiddenSize: {HiddenSize})"
            : $"{Kind.DisplayName()}(inputSize: {InputSize}, hiddenSize: {HiddenSize}, numLayers: {NumLayers}, bidirectional: {Format(Bidirectional)}, batchFirst: {Format(BatchFirst)})";

        internal static string Format(bool? flag) => flag switch
        {
            true => "true",
            false => "false",
            _ => "?",
        };
    }
}
