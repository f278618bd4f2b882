using FunctionsCloud.Functions;
using FunctionsCloud.Functions.Middleware;
using FunctionsCloud.Functions.Telemetry;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddFunctionsCloud(builder.Configuration);
// The Functions host's invocation spans, with the host's trace context, beside the app's own (WorkerTelemetry); as
// with those, nothing listens when no exporter is set.
if (WorkerTelemetry.IsWanted(builder.Configuration))
    builder.Services.AddOpenTelemetry().UseFunctionsWorkerDefaults();
// The same order as FunctionsCloudWorker.Middleware, which the local host runs.
builder.UseMiddleware<ProblemDetailsMiddleware>();
builder.UseMiddleware<ApiKeyAuthenticationMiddleware>();
builder.Build().Run();
