using System.Text;
using FunctionsCloud.Application.Api;
using FunctionsCloud.Domain.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FunctionsCloud.Functions.Stacks;

/// <summary>A stack create whose body is a stackfile (YAML content types), named by the query's <c>name</c>.</summary>
public static class StackfileBody
{
    private static readonly string[] YamlTypes = ["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"];

    public static bool IsYaml(HttpRequest request) =>
        request.ContentType is { } type && MediaTypeHeaderValue.TryParse(type, out var parsed)
        && YamlTypes.Contains(parsed.MediaType.Value, StringComparer.OrdinalIgnoreCase);

    public static async Task<string> ReadAsync(HttpRequest request)
    {
        var bytes = await RequestBody.ReadBytesAsync(request.Body, RequestBody.MaxBytes, request.HttpContext.RequestAborted);
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new RequestValidationException("stackfile", "is not UTF-8 text.");
        }
    }
}
