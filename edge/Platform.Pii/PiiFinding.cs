namespace Platform.Pii;

/// <summary>One personal-data span. <see cref="Value"/> is always <c>text.Substring(Start, Length)</c>.</summary>
public sealed record PiiFinding(string Type, string Value, int Start, int Length);
