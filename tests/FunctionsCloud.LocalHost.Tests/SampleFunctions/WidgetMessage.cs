namespace FunctionsCloud.LocalHost.Tests.SampleFunctions;

public sealed record WidgetMessage(string Name, bool Fail);
