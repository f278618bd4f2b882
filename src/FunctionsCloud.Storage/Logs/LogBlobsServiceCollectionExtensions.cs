using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FunctionsCloud.Storage.Logs;

public static class LogBlobsServiceCollectionExtensions
{
    public static IServiceCollection AddLogBlobs(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new UserDelegationKeys(sp.GetRequiredService<BlobServiceClient>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ILogBlobs>(sp => new LogBlobs(sp.GetRequiredService<BlobServiceClient>(), sp.GetRequiredService<UserDelegationKeys>()));
        return services;
    }
}
