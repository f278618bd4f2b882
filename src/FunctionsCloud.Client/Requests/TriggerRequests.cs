namespace FunctionsCloud.Client.Requests;

/// <param name="Operation"><c>REDEPLOY</c> or <c>SCALEUP</c>; null takes the API's default (REDEPLOY).</param>
public sealed record CreateTriggerRequest(string Name, string? Operation = null);
