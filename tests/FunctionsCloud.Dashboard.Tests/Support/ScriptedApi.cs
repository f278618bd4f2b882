using System.Net;
using System.Text;

namespace FunctionsCloud.Dashboard.Tests.Support;

/// <summary>Answers the dashboard's requests as scripted per method and path, and records what it was sent.</summary>
public sealed class ScriptedApi : HttpMessageHandler
{
    private readonly Dictionary<string, Func<HttpRequestMessage, HttpResponseMessage>> answers = [];

    public List<(string Method, string Path, string? Body)> Requests { get; } = [];

    public void On(string method, string path, HttpStatusCode status, string json, string? actionUri = null) =>
        answers[$"{method} {path}"] = _ =>
        {
            var response = new HttpResponseMessage(status)
            {
                Content = new StringContent(json, Encoding.UTF8, (int)status >= 400 ? "application/problem+json" : "application/json"),
            };
            if (actionUri is not null)
                response.Headers.Add("X-DockerCloud-Action-URI", actionUri);
            return response;
        };

    /// <summary>An answer made from the request (its query, its headers), e.g. a stream of server-sent events.</summary>
    public void On(string method, string path, Func<HttpRequestMessage, HttpResponseMessage> answer) => answers[$"{method} {path}"] = answer;

    /// <summary>The requests sent, with their query and Accept header, for answers that depend on them.</summary>
    public List<HttpRequestMessage> Sent { get; } = [];

    public IEnumerable<string?> BodiesOf(string method, string path) =>
        Requests.Where(r => r.Method == method && r.Path == path).Select(r => r.Body);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (Requests)
        {
            Requests.Add((request.Method.Method, path, body));
            Sent.Add(request);
        }
        return answers.TryGetValue($"{request.Method.Method} {path}", out var answer)
            ? answer(request)
            : new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("""{"title":"Not found","status":404,"detail":"not scripted"}""") };
    }
}
