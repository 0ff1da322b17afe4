namespace Platform.Compliance;

/// <summary>The policies were refused at load; <see cref="Errors"/> lists every problem, not just the first.</summary>
public sealed class ComplianceModelException(IReadOnlyList<ModelError> errors)
    : Exception(Describe(errors))
{
    public IReadOnlyList<ModelError> Errors { get; } = errors;

    private static string Describe(IReadOnlyList<ModelError> errors) =>
        $"The compliance policies were refused ({errors.Count} problem{(errors.Count == 1 ? "" : "s")}):"
        + string.Concat(errors.Select(e => Environment.NewLine + "  " + e));
}
