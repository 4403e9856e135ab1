using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using RnnShapeAnalyzers.ShapeRules;

namespace RnnShapeAnalyzers.Tracking
{
    /// <summary>
    /// A layer whose factory call the analyzer found: a recurrent layer or cell (with its spec), an
    /// <c>nn.Embedding</c> or an <c>nn.Linear</c>; with the syntax a fix edits and where it was built.
    /// </summary>
    internal sealed class TrackedLayer
    {
        private TrackedLayer(TrackedLayerKind kind, RecurrentLayerSpec? spec, Dim inFeatures, Dim outFeatures, IInvocationOperation factory, SyntaxNode? inputSizeSyntax, SyntaxNode? batchFirstSyntax, string? elementType)
        {
            Kind = kind;
            Spec = spec;
            InFeatures = inFeatures;
            OutFeatures = outFeatures;
            Factory = factory;
            InputSizeSyntax = inputSizeSyntax;
            BatchFirstSyntax = batchFirstSyntax;
            ElementType = elementType;
        }

        public TrackedLayerKind Kind { get; }

        /// <summary>The recurrent layer's configuration; null for Embedding and Linear.</summary>
        public RecurrentLayerSpec? Spec { get; }

        /// <summary>Linear's in_features; for a recurrent layer its inputSize.</summary>
        public Dim InFeatures { get; }

        /// <summary>Linear's out_features, Embedding's embedding_dims; for a recurrent layer D * hiddenSize.</summary>
        public Dim OutFeatures { get; }

        /// <summary>The <c>nn.LSTM(...)</c>, <c>nn.Linear(...)</c>, ... call.</summary>
        public IInvocationOperation Factory { get; }

        /// <summary>The expression passed as <c>inputSize</c> (Linear's first argument too), when written.</summary>
        public SyntaxNode? InputSizeSyntax { get; }

        /// <summary>The expression passed as <c>batchFirst</c>, or null when it is left at its default.</summary>
        public SyntaxNode? BatchFirstSyntax { get; }

        /// <summary>The parameters' dtype name (<c>Float32</c> when not given), or null when unknown.</summary>
        public string? ElementType { get; }

        /// <summary>
        /// Where the layer came from when that is not the call's own method, e.g. "field `lstm` set in the
        /// constructor at line 12"; null for a local.
        /// </summary>
        public string? Origin { get; private set; }

        /// <summary>
        /// False when the layer is held by a member assigned in several places with the same
        /// configuration: a fix of one factory call would leave the others.
        /// </summary>
        public bool IsFixable { get; private set; } = true;

        /// <summary>How the diagnostics name it: "LSTM", or "LSTM in field `lstm` (set in the constructor at line 12)".</summary>
        public string DisplayName
        {
            get
            {
                var name = Kind switch
                {
                    TrackedLayerKind.Embedding => "Embedding",
                    TrackedLayerKind.Linear => "Linear",
                    _ => Spec!.Kind.DisplayName(),
                };
                return Origin is null ? name : name + " in " + Origin;
            }
        }

        public static TrackedLayer Recurrent(RecurrentLayerSpec spec, IInvocationOperation factory, SyntaxNode? inputSizeSyntax, SyntaxNode? batchFirstSyntax, string? elementType)
            => new TrackedLayer(TrackedLayerKind.Recurrent, spec, spec.InputSize, spec.OutputFeatures, factory, inputSizeSyntax, batchFirstSyntax, elementType);

        public static TrackedLayer Embedding(Dim embeddingDim, IInvocationOperation factory)
            => new TrackedLayer(TrackedLayerKind.Embedding, null, Dim.Unknown, embeddingDim, factory, null, null, null);

        public static TrackedLayer Linear(Dim inFeatures, Dim outFeatures, IInvocationOperation factory, SyntaxNode? inFeaturesSyntax)
            => new TrackedLayer(TrackedLayerKind.Linear, null, inFeatures, outFeatures, factory, inFeaturesSyntax, null, null);

        /// <summary>The same layer, held by a member: named in messages, fixable only if it has one assignment.</summary>
        public TrackedLayer HeldBy(string origin, bool isFixable)
        {
            var copy = new TrackedLayer(Kind, Spec, InFeatures, OutFeatures, Factory, InputSizeSyntax, BatchFirstSyntax, ElementType)
            {
                Origin = Origin ?? origin,
                IsFixable = IsFixable && isFixable,
            };
            return copy;
        }

        /// <summary>True when both are the same kind of layer with the same shape-deciding configuration.</summary>
        public bool HasSameConfiguration(TrackedLayer other)
        {
            if (Kind != other.Kind || ElementType != other.ElementType)
            {
                return false;
            }

            if (Spec is not null)
            {
                var a = Spec;
                var b = other.Spec!;
                return a.Kind == b.Kind && a.InputSize.IsProvablyEqualTo(b.InputSize) && a.HiddenSize.IsProvablyEqualTo(b.HiddenSize)
                    && a.NumLayers.IsProvablyEqualTo(b.NumLayers) && a.Bidirectional == b.Bidirectional && a.BatchFirst == b.BatchFirst
                    && a.Bidirectional is not null && a.BatchFirst is not null;
            }

            return InFeatures.Equals(other.InFeatures) && OutFeatures.IsProvablyEqualTo(other.OutFeatures);
        }
    }

    internal enum TrackedLayerKind
    {
        /// <summary>RNN, LSTM, GRU, RNNCell, LSTMCell, GRUCell.</summary>
        Recurrent,

        Embedding,

        Linear,
    }
}
