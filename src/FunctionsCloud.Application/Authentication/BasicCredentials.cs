using System.Text;

namespace FunctionsCloud.Application.Authentication;

/// <summary>Docker Cloud's scheme: <c>Authorization: Basic base64(user:apikey)</c>.</summary>
public static class BasicCredentials
{
    public static bool TryParse(string? header, out string user, out string apiKey)
    {
        user = apiKey = "";
        const string scheme = "Basic ";
        if (header is null || !header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            return false;
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[scheme.Length..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':');
        if (colon <= 0 || colon == decoded.Length - 1)
            return false;
        (user, apiKey) = (decoded[..colon], decoded[(colon + 1)..]);
        return true;
    }

    public static string Header(string user, string apiKey) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{apiKey}"));
}
