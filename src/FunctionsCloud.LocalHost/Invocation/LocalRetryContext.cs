using Microsoft.Azure.Functions.Worker;

namespace FunctionsCloud.LocalHost.Invocation;

/// <summary>The local host has no function-level retry policies: every invocation is the first and only try.</summary>
public sealed class LocalRetryContext : RetryContext
{
    public static LocalRetryContext None { get; } = new();

    public override int RetryCount => 0;

    public override int MaxRetryCount => 0;
}
