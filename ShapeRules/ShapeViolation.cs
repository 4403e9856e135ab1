using System.Collections.Generic;
using System.Globalization;

namespace RnnShapeAnalyzers.ShapeRules
{
    /// <summary>
    /// One thing wrong with a recurrent call: which rule, which tensor, its actual shape, the shape it
    /// must have, and the words that say so. Also carries the facts a code fix or a runtime message needs.
    /// </summary>
    public sealed class ShapeViolation
    {
        internal ShapeViolation(RuleDescription rule, ShapeOperand operand, Shape actual, Shape expected, IReadOnlyList<string> messageArguments)
        {
            Rule = rule;
            Operand = operand;
            Actual = actual;
            Expected = expected;
            MessageArguments = messageArguments;
        }

        /// <summary>The rule broken.</summary>
        public RuleDescription Rule { get; }

        /// <summary>The rule id, e.g. RNN002.</summary>
        public string RuleId => Rule.Id;

        /// <summary>Which tensor of the call is wrong.</summary>
        public ShapeOperand Operand { get; }

        /// <summary>
        /// The shape the tensor has. For the rules fixed on the reading layer (RNN009 to RNN011) it is
        /// that layer's inputSize or in_features as a one-dimensional shape, e.g. <c>[20]</c>.
        /// </summary>
        public Shape Actual { get; }

        /// <summary>
        /// The shape the tensor must have; dimensions the rules cannot decide are copied from <see cref="Actual"/>.
        /// For RNN009 to RNN011, the value the reading layer's inputSize or in_features must be set to, e.g. <c>[40]</c>.
        /// </summary>
        public Shape Expected { get; }

        /// <summary>The arguments of <see cref="RuleDescription.MessageFormat"/>.</summary>
        public IReadOnlyList<string> MessageArguments { get; }

        /// <summary>For RNN003: the batchFirst value that makes every shape of the call consistent, when there is one.</summary>
        public bool? SuggestedBatchFirst { get; internal set; }

        /// <summary>For RNN004 on a 2-D input: the dimension at which <c>unsqueeze</c> adds the missing batch.</summary>
        public int? UnsqueezeDimension { get; internal set; }

        /// <summary>The message in plain words, formatted exactly as the analyzer formats it.</summary>
        public string Message
        {
            get
            {
                var args = new object[MessageArguments.Count];
                for (var i = 0; i < args.Length; i++)
                {
                    args[i] = MessageArguments[i];
                }

                return string.Format(CultureInfo.InvariantCulture, Rule.MessageFormat, args);
            }
        }

        /// <summary>
        /// The same RNN003 without the batchFirst suggestion, for when flipping the flag would break
        /// another call of the same layer that the caller can see.
        /// </summary>
        public ShapeViolation WithoutSuggestedBatchFirst()
        {
            if (SuggestedBatchFirst is null)
            {
                return this;
            }

            var args = new List<string>(MessageArguments);
            args[RecurrentShapeRules.BatchFirstSuggestionArgument] = string.Empty;
            return new ShapeViolation(Rule, Operand, Actual, Expected, args);
        }

        /// <summary>The conventional name of <see cref="Operand"/> in messages: input, h0 or c0.</summary>
        public string OperandName => NameOf(Operand);

        internal static string NameOf(ShapeOperand operand) => operand switch
        {
            ShapeOperand.Input => "input",
            ShapeOperand.HiddenState => "h0",
            _ => "c0",
        };

        /// <summary><c>RNN002: h0 has shape ...</c></summary>
        public override string ToString() => RuleId + ": " + Message;
    }
}
