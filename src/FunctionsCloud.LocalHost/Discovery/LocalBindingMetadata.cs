using Microsoft.Azure.Functions.Worker;

namespace FunctionsCloud.LocalHost.Discovery;

public sealed class LocalBindingMetadata(string name, string type, BindingDirection direction) : BindingMetadata
{
    public override string Name { get; } = name;

    public override string Type { get; } = type;

    public override BindingDirection Direction { get; } = direction;
}
