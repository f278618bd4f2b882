namespace FunctionsCloud.Client.Http;

internal static class QueryString
{
    public static string Append(string path, IReadOnlyDictionary<string, string>? filters, int limit, int offset)
    {
        var parts = (filters ?? new Dictionary<string, string>())
            .Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}")
            .Append($"limit={limit}")
            .Append($"offset={offset}");
        return $"{path}?{string.Join('&', parts)}";
    }
}
