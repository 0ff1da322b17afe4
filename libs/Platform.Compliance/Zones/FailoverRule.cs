namespace Platform.Compliance;

/// <summary>Requests homed in <see cref="From"/> of these classes may be served in <see cref="To"/> when home cannot serve (flows.yaml).</summary>
public sealed record FailoverRule(string From, string To, IReadOnlyList<DataClass> Classes, string Basis, Origin Origin);
