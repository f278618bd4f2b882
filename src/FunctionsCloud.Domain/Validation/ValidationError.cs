namespace FunctionsCloud.Domain.Validation;

/// <summary>One thing wrong with a request, named by the field it concerns.</summary>
public sealed record ValidationError(string Field, string Message);
