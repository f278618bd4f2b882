using FunctionsCloud.Domain.Tokens;
using FunctionsCloud.Storage.Entities;

namespace FunctionsCloud.Storage.Tokens;

/// <summary>Registration tokens by namespace. Lists filter on uuid.</summary>
public interface IRegistrationTokenStore : IEntityStore<RegistrationToken>;
