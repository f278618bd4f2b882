namespace FunctionsCloud.Application.Commands;

/// <summary>A command that cannot succeed however often it is delivered: it is rejected once, with this reason.</summary>
public sealed class CommandRejectedException(string reason, Exception? inner = null) : Exception(reason, inner);
