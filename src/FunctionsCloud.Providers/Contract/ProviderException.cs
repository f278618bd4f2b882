namespace FunctionsCloud.Providers.Contract;

/// <summary>
/// A provider refused or failed. <see cref="IsTransient"/> failures (throttling, 5xx) are worth retrying;
/// permanent ones carry the provider's message to the user.
/// </summary>
public class ProviderException(string message, bool isTransient = false, Exception? inner = null) : Exception(message, inner)
{
    public bool IsTransient { get; } = isTransient;
}
