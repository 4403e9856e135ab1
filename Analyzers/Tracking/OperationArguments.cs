using Microsoft.CodeAnalysis.Operations;

namespace RnnShapeAnalyzers.Tracking
{
    /// <summary>An invocation's argument by the parameter it binds to: named, positional and defaulted arguments alike.</summary>
    internal static class OperationArguments
    {
        public static IArgumentOperation? ByOrdinal(IInvocationOperation invocation, int ordinal)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Ordinal == ordinal)
                {
                    return argument;
                }
            }

            return null;
        }

        public static IArgumentOperation? ByName(IInvocationOperation invocation, string name)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == name)
                {
                    return argument;
                }
            }

            return null;
        }
    }
}
