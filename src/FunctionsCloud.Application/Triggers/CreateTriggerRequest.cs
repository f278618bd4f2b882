namespace FunctionsCloud.Application.Triggers;

/// <param name="Name">The trigger's name, like other names (letters, digits, '-', '_', '.').</param>
/// <param name="Operation">REDEPLOY (the default) or SCALEUP.</param>
public sealed record CreateTriggerRequest(string? Name, string? Operation);
