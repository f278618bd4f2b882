namespace FunctionsCloud.Domain.Containers;

/// <summary>How a container came to stop: its exit code, or (when it could not be started at all) the agent's message.</summary>
public sealed record ContainerExit(int? ExitCode, string? Message, DateTimeOffset StoppedDatetime)
{
    public void ApplyTo(Container row)
    {
        row.ExitCode = ExitCode;
        row.ExitCodeMsg = Message;
        row.StoppedDatetime = StoppedDatetime;
    }
}
