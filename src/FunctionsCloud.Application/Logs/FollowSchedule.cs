using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Application.Logs;

/// <summary>When a follow stream looks for new lines: every poll interval, until its maximum duration has passed.</summary>
public sealed class FollowSchedule(IOptions<LogsOptions> options, TimeProvider clock)
{
    public async IAsyncEnumerable<int> PollsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var deadline = clock.GetUtcNow().AddSeconds(settings.FollowMaxSeconds);
        for (var poll = 1; clock.GetUtcNow() < deadline; poll++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(settings.FollowPollMilliseconds), clock, cancellationToken);
            yield return poll;
        }
    }
}
