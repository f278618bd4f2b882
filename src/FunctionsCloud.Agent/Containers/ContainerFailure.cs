namespace FunctionsCloud.Agent.Containers;

/// <summary>Why a desired container could not be pulled, created or started, at the revision that was wanted.</summary>
public sealed record ContainerFailure(int Revision, string Message);
