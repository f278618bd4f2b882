namespace FunctionsCloud.Application.Authentication;

/// <summary>Who is calling, and the namespace whose objects they may see. Nothing outside it exists for them.</summary>
public sealed record Caller(string User, string Namespace, bool IsAdmin);
