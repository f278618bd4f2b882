using FunctionsCloud.Application.Stacks.Stackfiles;
using FunctionsCloud.Domain.Validation;

namespace FunctionsCloud.Application.Stacks;

/// <summary>How a problem with one field of a stack's service is named: by its place in a JSON body or in a stackfile.</summary>
public interface IStackPlaces
{
    ValidationError Problem(int service, string field, string message);
}

/// <summary>In a JSON body: <c>services[1].image_name</c>.</summary>
public sealed class JsonStackPlaces : IStackPlaces
{
    public ValidationError Problem(int service, string field, string message) => new($"services[{service}].{field}", message);
}

/// <summary>In a stackfile: <c>web.image</c>, the message led by the key's line and column.</summary>
public sealed class StackfilePlaces(IReadOnlyList<StackfileService> services) : IStackPlaces
{
    public ValidationError Problem(int service, string field, string message)
    {
        var places = services[service].Places;
        var place = places.GetValueOrDefault(field) ?? places[""];
        return new ValidationError(place.Field, place.Describe(message));
    }
}
