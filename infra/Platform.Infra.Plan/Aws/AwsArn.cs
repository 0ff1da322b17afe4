using System.Text.RegularExpressions;

namespace Platform.Infra.Plan;

/// <summary>The parts of an ARN the plan checks: partition, service, region, account.</summary>
public sealed partial record AwsArn(string Partition, string Service, string Region, string Account, string Resource)
{
    public static AwsArn? Parse(string? arn)
    {
        var m = arn is null ? null : Pattern().Match(arn);
        return m is { Success: true }
            ? new AwsArn(m.Groups["p"].Value, m.Groups["s"].Value, m.Groups["r"].Value, m.Groups["a"].Value, m.Groups["rest"].Value)
            : null;
    }

    [GeneratedRegex("^arn:(?<p>[a-z-]+):(?<s>[a-z0-9-]+):(?<r>[a-z0-9-]*):(?<a>[0-9]*):(?<rest>.+)$")]
    private static partial Regex Pattern();
}
