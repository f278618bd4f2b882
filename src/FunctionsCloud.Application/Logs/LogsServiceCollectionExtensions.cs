using FunctionsCloud.Storage.Logs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Application.Logs;

public static class LogsServiceCollectionExtensions
{
    public static IServiceCollection AddContainerLogs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LogsOptions>().Bind(configuration.GetSection(LogsOptions.Section))
            .Validate(o => o.CredentialLifetimeMinutes is >= 10 and <= 7 * 24 * 60 && o.SegmentBytes >= 64 * 1024 && o.SegmentsKept >= 1
                && o.RetentionDays >= 1 && o.FollowMaxSeconds >= 1 && o.FollowPollMilliseconds >= 100 && o.MaxTail >= 1
                && o.DefaultTail >= 0 && o.DefaultTail <= o.MaxTail && o.MaxReadBytes >= 1024 * 1024,
                "FunctionsCloud:Logs: CredentialLifetimeMinutes must be 10 to 10080, SegmentBytes at least 65536, SegmentsKept, RetentionDays, FollowMaxSeconds and MaxTail at least 1, FollowPollMilliseconds at least 100, DefaultTail 0 to MaxTail, MaxReadBytes at least 1048576.")
            .ValidateOnStart();
        services.AddLogBlobs();
        services.TryAddSingleton<LogCredentialIssuer>();
        services.TryAddSingleton<LogReader>();
        services.TryAddSingleton<LogSubjects>();
        services.TryAddSingleton<FollowSchedule>();
        services.TryAddSingleton<ContainerLogFeed>();
        services.TryAddSingleton<LogDownload>();
        services.TryAddSingleton<ActionLogFeed>();
        services.TryAddSingleton<LogRetentionSweep>();
        return services;
    }
}
