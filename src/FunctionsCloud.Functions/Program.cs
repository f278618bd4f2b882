using FunctionsCloud.Functions;
using FunctionsCloud.Functions.Middleware;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddFunctionsCloud(builder.Configuration);
// The same order as FunctionsCloudWorker.Middleware, which the local host runs.
builder.UseMiddleware<ProblemDetailsMiddleware>();
builder.UseMiddleware<ApiKeyAuthenticationMiddleware>();
builder.Build().Run();
