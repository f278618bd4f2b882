using System.Collections;
using System.Reflection;

namespace FunctionsCloud.Storage.Tests.Support;

/// <summary>Compares objects property by property, so a property added to the domain is covered without editing tests.</summary>
internal static class PropertyAssert
{
    public static void AllEqual<T>(T expected, T actual, params string[] except)
    {
        foreach (var property in Properties<T>(except))
        {
            var (want, got) = (property.GetValue(expected), property.GetValue(actual));
            if (want is IEnumerable wantItems and not string && got is IEnumerable gotItems and not string)
                Assert.True(wantItems.Cast<object>().SequenceEqual(gotItems.Cast<object>()), $"{property.Name}: [{string.Join(", ", wantItems.Cast<object>())}] != [{string.Join(", ", gotItems.Cast<object>())}]");
            else
                Assert.True(Equals(want, got), $"{property.Name}: expected '{want}', got '{got}'.");
        }
    }

    /// <summary>Every settable property differs from its type's default, so a round trip proves its mapping.</summary>
    public static void NoDefaults<T>(T item, params string[] except)
    {
        foreach (var property in Properties<T>(except).Where(p => p.SetMethod is not null))
        {
            var value = property.GetValue(item);
            var empty = value is null
                || (property.PropertyType.IsValueType && value.Equals(Activator.CreateInstance(property.PropertyType)))
                || value is string { Length: 0 }
                || (value is IEnumerable items and not string && !items.Cast<object>().Any());
            Assert.False(empty, $"{typeof(T).Name}.{property.Name} has its default value in the sample.");
        }
    }

    private static IEnumerable<PropertyInfo> Properties<T>(string[] except) =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => !except.Contains(p.Name));
}
