namespace FunctionsCloud.Storage.ApiKeys;

/// <summary>What <see cref="IApiKeyStore.AddAsync"/> did with a key.</summary>
public enum KeyAddition
{
    Added,

    /// <summary>A key with the same user and hash is stored already.</summary>
    HashTaken,

    /// <summary>A live (not revoked) key of the user has the label, in any case.</summary>
    LabelTaken,

    /// <summary>The user has as many live keys as the limit allows.</summary>
    LimitReached,
}
