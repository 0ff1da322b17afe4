namespace Platform.Traces.S3;

/// <summary>
/// The naming rule that ties a bucket to one zone: <c>[prefix-]traces-{zone}[-suffix]</c>, e.g.
/// <c>acme-traces-sgp-123456789012</c>. A store refuses a bucket whose name names another zone (or none), so a
/// copied configuration cannot send one zone's traces into another zone's bucket.
/// </summary>
public static class TraceBucketNames
{
    /// <summary>The name the deployment plan gives a zone's bucket: <c>{prefix}-traces-{zone}-{suffix}</c>.</summary>
    public static string For(string prefix, string zone, string suffix) => $"{prefix}-traces-{zone}-{suffix}";

    public static bool BelongsTo(string bucket, string zone)
    {
        var parts = bucket.Split('-');
        for (var i = 0; i + 1 < parts.Length; i++)
        {
            if (parts[i] == "traces" && parts[i + 1] == zone)
            {
                return true;
            }
        }

        return false;
    }

    public static string Rule(string zone) => $"[<prefix>-]traces-{zone}[-<suffix>]";
}
