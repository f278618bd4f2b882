namespace FunctionsCloud.Domain.Validation;

/// <summary>Collects every problem of a request so that the caller hears of all of them at once.</summary>
public sealed class Validator
{
    private readonly List<ValidationError> _errors = [];

    public bool IsValid => _errors.Count == 0;

    public Validator Add(string field, string message)
    {
        _errors.Add(new ValidationError(field, message));
        return this;
    }

    public Validator Require(bool condition, string field, string message) => condition ? this : Add(field, message);

    public Validator Name(string field, string? value) =>
        ResourceNames.Check(value) is { } problem ? Add(field, problem) : this;

    public Validator Nickname(string field, string? value) =>
        ResourceNames.CheckNickname(value) is { } problem ? Add(field, problem) : this;

    /// <summary>Text no longer than <paramref name="max"/> characters (see <see cref="FieldLimits"/>).</summary>
    public Validator Text(string field, string? value, int max) =>
        FieldLimits.Text(value, max) is { } problem ? Add(field, problem) : this;

    public Validator Range(string field, int value, int min, int max) =>
        Require(value >= min && value <= max, field, $"must be between {min} and {max}, was {value}.");

    public Validator Tags(string field, IEnumerable<string>? tags)
    {
        var all = tags?.ToList() ?? [];
        if (FieldLimits.Items(all.Count, FieldLimits.Tags) is { } tooMany)
            return Add(field, tooMany);
        foreach (var tag in all)
        {
            if (ResourceNames.CheckTag(tag) is { } problem)
                Add(field, problem);
        }

        return this;
    }

    public void ThrowIfInvalid()
    {
        if (!IsValid)
            throw new RequestValidationException(_errors);
    }
}
