namespace FunctionsCloud.Dashboard.Session;

/// <summary>Whether the API answered the last request. A lost connection shows a banner; the pages keep what they show and try again.</summary>
public sealed class ConnectionStatus
{
    public bool IsLost { get; private set; }

    public event Action? Changed;

    public void Answered() => Set(false);

    public void Lost() => Set(true);

    private void Set(bool lost)
    {
        if (IsLost == lost)
            return;
        IsLost = lost;
        Changed?.Invoke();
    }
}
