namespace FunctionsCloud.Application.Api;

/// <summary>Where a request came from and what it asked, as recorded on the actions it starts.</summary>
public sealed record RequestInfo(string Method, string Path, string Ip);
