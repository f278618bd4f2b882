namespace FunctionsCloud.Domain.Tests.Placement;

/// <summary>Node uuids whose order is their number (placement breaks ties by the lower uuid).</summary>
internal static class TestNodes
{
    public static readonly Guid A = UuidOf(0xa);
    public static readonly Guid B = UuidOf(0xb);
    public static readonly Guid C = UuidOf(0xc);

    public static Guid UuidOf(int number) => new($"00000000-0000-4000-8000-{number:x12}");
}
