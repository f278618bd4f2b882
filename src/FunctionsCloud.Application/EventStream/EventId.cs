using System.Globalization;
using FunctionsCloud.Domain.Validation;

namespace FunctionsCloud.Application.EventStream;

/// <summary>An event's id: its number in the namespace's stream (1, 2, 3…), in decimal; 0 is "before the first".</summary>
public static class EventId
{
    public static string Of(long sequence) => sequence.ToString(CultureInfo.InvariantCulture);

    /// <param name="field">Where the id came from (<c>Last-Event-ID</c>, <c>after</c>), for the 400.</param>
    public static long Parse(string text, string field) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : throw new RequestValidationException(field, "must be the id of an event as the stream sent it: a whole number from 0.");
}
