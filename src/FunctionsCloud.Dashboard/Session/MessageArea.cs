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

    /// <summary>A refusal of the API: its detail, and the fields it named when no form shows them.</summary>
    public void Error(ApiException problem) => Error(Describe(problem));

    public void Clear() => Set(null, false);

    public static string Describe(ApiException problem) =>
        problem.Errors.Count == 0
            ? problem.Message
            : $"{problem.Message} " + string.Join(" ", problem.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));

    private void Set(string? text, bool isError)
    {
        Text = text;
        IsError = isError;
        Changed?.Invoke();
    }
}
