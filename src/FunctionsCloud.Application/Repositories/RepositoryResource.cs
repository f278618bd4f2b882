using FunctionsCloud.Domain.Repositories;
using FunctionsCloud.Storage.Repositories;
using Uris = FunctionsCloud.Domain.Resources.ResourceUris;

namespace FunctionsCloud.Application.Repositories;

/// <summary>A registered repository as the API shows it: never the password.</summary>
public sealed record RepositoryResource(
    string Name,
    string ResourceUri,
    string Registry,
    string Username,
    bool IsPrivateImage,
    DateTimeOffset CreatedDatetime,
    DateTimeOffset UpdatedDatetime)
{
    public static RepositoryResource From(RepositoryRecord record)
    {
        var repository = RegistryRepository.OfCanonical(record.Canonical);
        return new(repository.Name, Uris.Repository(repository.Name), repository.Registry, record.Username, true, record.CreatedAt, record.UpdatedAt);
    }
}
