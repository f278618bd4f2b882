namespace FunctionsCloud.Storage.Querying;

/// <summary>
/// The column behind an API field, and how to turn an API value into the stored form
/// (e.g. a state name in any case into its stored wire name), so comparisons happen server-side.
/// </summary>
internal sealed record QueryField(string Column, Func<string, string>? Normalize = null)
{
    public string StoredValue(string value) => Normalize is null ? value : Normalize(value);
}
