using System.Security.Cryptography;
using System.Text;
using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Identifiers;

namespace FunctionsCloud.Application.ServiceOperations;

/// <summary>Names and ids of new containers, chosen so that a retried step picks the same ones.</summary>
public static class ContainerNumbers
{
    /// <summary>The lowest numbers no live container of the service has (web-1, web-2, ... are reused once their containers are gone).</summary>
    public static IReadOnlyList<int> Free(IEnumerable<Container> liveOfService, int count)
    {
        var taken = liveOfService.Select(c => c.Number).ToHashSet();
        return Enumerable.Range(1, int.MaxValue - 1).Where(n => !taken.Contains(n)).Take(count).ToList();
    }

    /// <summary>The uuid of the container an operation creates under a number: the same on every retry of the step.</summary>
    public static Guid UuidFor(Guid actionUuid, int number)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{actionUuid:D}/{number}"));
        return Uuid4.From(new Guid(hash.AsSpan(0, 16)));
    }
}
