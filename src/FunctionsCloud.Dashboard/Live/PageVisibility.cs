using Microsoft.JSInterop;

namespace FunctionsCloud.Dashboard.Live;

/// <summary>Whether the tab is shown: live lists stop asking the API while it is hidden.</summary>
public sealed class PageVisibility(IJSRuntime js) : IDisposable
{
    private DotNetObjectReference<PageVisibility>? self;

    public bool IsVisible { get; private set; } = true;

    public event Action? Shown;

    /// <summary>Told when the tab is shown or hidden.</summary>
    public event Action? Changed;

    public async Task WatchAsync()
    {
        self ??= DotNetObjectReference.Create(this);
        IsVisible = await js.InvokeAsync<bool>("functionsCloud.watchVisibility", self);
    }

    [JSInvokable]
    public void VisibilityChanged(bool visible)
    {
        IsVisible = visible;
        Changed?.Invoke();
        if (visible)
            Shown?.Invoke();
    }

    public void Dispose() => self?.Dispose();
}
