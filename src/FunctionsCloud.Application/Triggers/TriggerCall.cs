namespace FunctionsCloud.Application.Triggers;

/// <summary>A call of a trigger URL as it arrived: its secret, the step it named if any (as text), its body and origin.</summary>
public sealed record TriggerCall(string Secret, string? Steps, Stream Body, string Ip, string UserAgent = "");
