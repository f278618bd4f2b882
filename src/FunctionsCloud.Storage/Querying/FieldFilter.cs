namespace FunctionsCloud.Storage.Querying;

/// <summary>One filter on a field as the API names it, e.g. <c>state</c> equals "Deployed".</summary>
public sealed record FieldFilter(string Field, FilterOperator Operator, string Value);
