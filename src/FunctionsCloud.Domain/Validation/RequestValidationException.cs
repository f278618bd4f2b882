namespace FunctionsCloud.Domain.Validation;

/// <summary>A request that cannot be carried out as sent. Nothing has been changed when this is thrown.</summary>
public sealed class RequestValidationException(IReadOnlyList<ValidationError> errors)
    : Exception(string.Join(" ", errors.Select(e => $"{e.Field}: {e.Message}")))
{
    public RequestValidationException(string field, string message) : this([new ValidationError(field, message)])
    {
    }

    public IReadOnlyList<ValidationError> Errors { get; } = errors;
}
