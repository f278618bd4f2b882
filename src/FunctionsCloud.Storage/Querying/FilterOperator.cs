namespace FunctionsCloud.Storage.Querying;

/// <summary>The comparisons Docker Cloud's list filters offer: <c>field=value</c> and <c>field__startswith=value</c>.</summary>
public enum FilterOperator
{
    Equals,
    StartsWith,
}
