using FunctionsCloud.Domain.Actions;

namespace FunctionsCloud.Application.Commands;

/// <summary>What an accepted command did: the object it concerned and the action it started (none when the change was immediate).</summary>
public sealed record CommandOutcome(string Object, ActionRecord? Action);
