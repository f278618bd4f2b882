using FunctionsCloud.Client.Http;

namespace FunctionsCloud.Dashboard.Session;

/// <summary>The page's message area: what the API refused or what just happened, in words. Never a secret.</summary>
public sealed class MessageArea
{
    public string? Text { get; private set; }
    public bool IsError { get; private set; }

    public event Action? Changed;

    public void Error(string text) => Set(text, true);

    public void Info(string text) => Set(text, false);

    /// <summary>A refusal of the API in its own words (for bad input, the detail names each field).</summary>
    public void Error(ApiException problem) => Error(problem.Message);

    public void Clear() => Set(null, false);

    private void Set(string? text, bool isError)
    {
        Text = text;
        IsError = isError;
        Changed?.Invoke();
    }
}
