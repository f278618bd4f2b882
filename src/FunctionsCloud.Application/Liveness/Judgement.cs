using FunctionsCloud.Domain.Events;
using FunctionsCloud.Domain.Liveness;
using FunctionsCloud.Domain.Nodes;

namespace FunctionsCloud.Application.Liveness;

/// <summary>What the monitor made of one node whose deadline passed: the verdict, the node as it is now, the event to record.</summary>
public sealed record Judgement(LivenessVerdict Verdict, Node? Node, EventRecord? Event);
