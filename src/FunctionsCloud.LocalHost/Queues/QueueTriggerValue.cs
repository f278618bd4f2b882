using Azure.Storage.Queues.Models;

namespace FunctionsCloud.LocalHost.Queues;

/// <summary>A received queue message and its decoded body, which the trigger parameter binds to.</summary>
public sealed record QueueTriggerValue(QueueMessage Message, BinaryData Body);
