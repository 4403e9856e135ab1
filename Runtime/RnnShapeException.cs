using System;
using RnnShapeAnalyzers.ShapeRules;

namespace RnnShapeAnalyzers.Runtime
{
    /// <summary>
    /// A recurrent call broke one of the shape rules. Carries the rule id (the same as the analyzer's),
    /// the parameter, the actual and expected shapes, and a message that says what to change.
    /// </summary>
    public sealed class RnnShapeException : ArgumentException
    {
        internal RnnShapeException(ShapeViolation violation, string paramName)
            : base(violation.RuleId + ": " + violation.Message + " (" + violation.Rule.HelpLinkUri + ")", paramName)
        {
            Violation = violation;
        }

        /// <summary>The rule broken, e.g. RNN003.</summary>
        public string RuleId => Violation.RuleId;

        /// <summary>The shape the offending tensor has.</summary>
        public Shape Actual => Violation.Actual;

        /// <summary>The shape it must have (dimensions the rules cannot decide are copied from <see cref="Actual"/>).</summary>
        public Shape Expected => Violation.Expected;

        /// <summary>Everything the rules know about the violation.</summary>
        public ShapeViolation Violation { get; }
    }
}
