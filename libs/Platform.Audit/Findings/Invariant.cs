namespace Platform.Audit;

/// <summary>The rules the audit holds the policies, the stacks and the decision log to; each finding names one.</summary>
public static class Invariant
{
    public const string PoliciesLoad = "policies-load";
    public const string PiiStaysHome = "pii-stays-home";
    public const string IsolatedZone = "isolated-zone";
    public const string TraceRetention = "trace-retention";
    public const string PoolJurisdiction = "pool-in-jurisdiction";
    public const string PrivateBucket = "private-bucket";
    public const string TransferBasis = "transfer-basis";
    public const string ZonePlacement = "zone-placement";
    public const string StackValid = "stack-valid";
    public const string StackCoverage = "one-stack-per-zone";
    public const string ServedWherePolicyAllows = "served-where-allowed";
    public const string RecordOfProcessing = "record-of-processing";

    /// <summary>What each rule promises, in the words the audit report prints.</summary>
    public static readonly IReadOnlyList<(string Id, string Promise)> All =
    [
        (PoliciesLoad, "The policies load and validate as every service loads them."),
        (PiiStaysHome, "Personal data (direct, sensitive) is served only in its home zone."),
        (IsolatedZone, "Traffic of an isolated zone (cn) never leaves it, and none enters it."),
        (TraceRetention, "No trace is kept longer than 30 days (or the zone's shorter limit) anywhere it can live: bucket, spool, logs."),
        (PoolJurisdiction, "Every pool runs in its zone, on an accelerator that zone allows."),
        (PrivateBucket, "No trace bucket is public, replicated or object-locked."),
        (TransferBasis, "Every cross-border flow of non-personal data has a recorded legal basis."),
        (ZonePlacement, "Every resource of a stack is in its zone's cloud partition and region."),
        (StackValid, "Every stack config builds a deployment plan."),
        (StackCoverage, "Every zone is deployed by exactly one stack."),
        (RecordOfProcessing, "The record of processing names a real controller and officer in every zone."),
        (ServedWherePolicyAllows, "Every request was served in a zone the policies allow for its home zone and data class."),
    ];
}
