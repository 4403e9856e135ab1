using Microsoft.CodeAnalysis;

namespace RnnShapeAnalyzers.Tracking
{
    /// <summary>
    /// The value a local is given: the operation itself, or element <see cref="Element"/> of the tuple it
    /// returns when the local is one target of a deconstruction (<c>var (output, hn) = gru.call(x)</c>).
    /// </summary>
    internal readonly struct LocalValue
    {
        public LocalValue(IOperation value, int? element = null)
        {
            Value = value;
            Element = element;
        }

        public IOperation Value { get; }

        public int? Element { get; }
    }
}
