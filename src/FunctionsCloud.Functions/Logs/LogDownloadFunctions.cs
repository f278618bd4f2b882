using FunctionsCloud.Application.Logs;
using FunctionsCloud.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsCloud.Functions.Logs;

/// <summary>
/// A container's or a service's whole kept log as a file (<c>.../logs/download/</c>): plain text, or NDJSON of log
/// messages when <c>Accept</c> asks for <c>application/x-ndjson</c>. The subject is looked up (another namespace's is a
/// 404) before the response begins; then the log streams to the response as it is read.
/// </summary>
public sealed class LogDownloadFunctions(LogSubjects subjects, LogDownload download, TimeProvider clock)
{
    [Function("DownloadContainerLogs")]
    public async Task<IResult> Container([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/app/v1/container/{uuid}/logs/download")] HttpRequest request, string uuid) =>
        File(request, await subjects.ContainerAsync(request.Caller(), HttpRequestExtensions.ParseUuid(uuid, "container"), request.HttpContext.RequestAborted));

    [Function("DownloadServiceLogs")]
    public async Task<IResult> Service([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/app/v1/service/{uuid}/logs/download")] HttpRequest request, string uuid) =>
        File(request, await subjects.ServiceAsync(request.Caller(), HttpRequestExtensions.ParseUuid(uuid, "service"), request.HttpContext.RequestAborted));

    private LogFileResult File(HttpRequest request, LogSubject subject)
    {
        var format = LogResults.WantsNdjson(request) ? LogFileFormat.Ndjson : LogFileFormat.Text;
        return new LogFileResult(download.ReadAllAsync(subject, request.HttpContext.RequestAborted), format, subject.NamesContainers, LogFile.Name(subject.Name, clock.GetUtcNow(), format));
    }
}
