namespace RnnShapeAnalyzers.ShapeRules
{
    /// <summary>
    /// The user-facing text of one rule. The analyzer builds its DiagnosticDescriptor from it and the
    /// runtime formats its exception message with the same <see cref="MessageFormat"/>, so a rule reads
    /// the same in the editor and at run time.
    /// </summary>
    public sealed class RuleDescription
    {
        internal RuleDescription(string id, string title, string messageFormat, string description)
        {
            Id = id;
            Title = title;
            MessageFormat = messageFormat;
            Description = description;
        }

        /// <summary>The rule id, e.g. RNN001.</summary>
        public string Id { get; }

        /// <summary>A short title, without a final period.</summary>
        public string Title { get; }

        /// <summary>A composite format string whose arguments are given by each <see cref="ShapeViolation"/>.</summary>
        public string MessageFormat { get; }

        /// <summary>One or two sentences on what the rule prevents.</summary>
        public string Description { get; }

        /// <summary>Where the rule's documentation page is published.</summary>
        public string HelpLinkUri => RuleCatalog.HelpLinkBase + Id + ".md";
    }
}
