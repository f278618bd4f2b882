using Microsoft.AspNetCore.StaticFiles;

namespace FunctionsCloud.Functions.Dashboard;

/// <summary>The Content-Type of a dashboard file, from its name: ASP.NET Core's table plus what a Blazor WebAssembly publish adds.</summary>
public static class DashboardContentTypes
{
    private const string Binary = "application/octet-stream";

    private static readonly FileExtensionContentTypeProvider Provider = Build();

    public static string For(string fileName) => Provider.TryGetContentType(fileName, out var type) ? type : Binary;

    private static FileExtensionContentTypeProvider Build()
    {
        var provider = new FileExtensionContentTypeProvider();
        // Browsers compile WebAssembly by streaming only when it comes as application/wasm.
        provider.Mappings[".wasm"] = "application/wasm";
        // The runtime's ICU data, Blazor's boot data and webcil-wrapped assemblies are opaque bytes to the browser.
        provider.Mappings[".dat"] = Binary;
        provider.Mappings[".blat"] = Binary;
        provider.Mappings[".webcil"] = Binary;
        provider.Mappings[".json"] = "application/json";
        // JavaScript modules must come as a JavaScript type (RFC 9239 names text/javascript).
        provider.Mappings[".js"] = "text/javascript";
        provider.Mappings[".mjs"] = "text/javascript";
        return provider;
    }
}
