namespace FunctionsCloud.LocalHost.Invocation;

/// <summary>A binding value (route value, query value, message) could not be converted to the parameter's type.</summary>
public sealed class BindingValueException(string parameterName, Type targetType, Exception? inner = null)
    : Exception($"The value for parameter '{parameterName}' is not a valid {targetType.Name}.", inner)
{
    public string ParameterName { get; } = parameterName;
}
