namespace FunctionsCloud.Functions.Tests.Dashboard;

/// <summary>A published dashboard in a temporary folder: index.html, a fingerprinted .wasm with its .br and .gz forms, a stylesheet; and a secret beside the folder.</summary>
public sealed class DashboardFolder : IDisposable
{
    public const string Index = "<!DOCTYPE html><html><body>FunctionsCloud dashboard</body></html>";
    public const string Wasm = "_framework/System.Runtime.k4iu7vvig3.wasm";
    public const string WasmBytes = "wasm as it is";
    public const string BrotliBytes = "wasm in brotli";
    public const string GzipBytes = "wasm in gzip";
    public const string Secret = "secret beside the dashboard";

    private readonly string _parent = Path.Combine(Path.GetTempPath(), "functionscloud-dashboard-" + Guid.NewGuid().ToString("N")[..8]);

    public DashboardFolder()
    {
        Root = Path.Combine(_parent, "wwwroot");
        Directory.CreateDirectory(Path.Combine(Root, "_framework"));
        Directory.CreateDirectory(Path.Combine(Root, "css"));
        File.WriteAllText(Path.Combine(Root, "index.html"), Index);
        File.WriteAllText(Path.Combine(Root, Wasm), WasmBytes);
        File.WriteAllText(Path.Combine(Root, Wasm + ".br"), BrotliBytes);
        File.WriteAllText(Path.Combine(Root, Wasm + ".gz"), GzipBytes);
        File.WriteAllText(Path.Combine(Root, "css", "app.css"), "body { margin: 0; }");
        SecretPath = Path.Combine(_parent, "secret.txt");
        File.WriteAllText(SecretPath, Secret);
    }

    public string Root { get; }

    public string SecretPath { get; }

    public void Dispose() => Directory.Delete(_parent, recursive: true);
}
