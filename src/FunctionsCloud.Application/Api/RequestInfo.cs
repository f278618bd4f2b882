namespace FunctionsCloud.Application.Api;

/// <summary>Where a request came from and what it asked, as recorded on the actions it starts.</summary>
/// <param name="UserAgent">The request's User-Agent header ("" when none).</param>
/// <param name="Body">The request's body as sent, before secrets are removed (<see cref="ActionBody"/>); "" when none.</param>
public sealed record RequestInfo(string Method, string Path, string Ip, string UserAgent = "", string Body = "");
