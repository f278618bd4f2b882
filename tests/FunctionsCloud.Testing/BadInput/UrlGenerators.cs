using CsCheck;

namespace FunctionsCloud.Testing.BadInput;

/// <summary>Path segments and query strings as they go on the wire (already percent-encoded), most of them malformed.</summary>
public static class UrlGenerators
{
    /// <summary>Sent as they are: escapes that decode to nothing valid, separators in disguise.</summary>
    private static readonly string[] RawSegments =
    [
        "%2F", "%252F", "%", "%zz", "%00", "%ff", "%C0%AF", "%E2%80%AE", "%20", "+", "~", "null",
        "undefined", "0", "-1", "2147483648", "%27%20or%20%27%27eq%27%27", "*", "%2A", "a%2Fb", "%3F", "%23", "%u0041",
    ];

    private static readonly Gen<char> Chars = Gen.Char["aZ09 -_.~!$&'()*+,;=:@/?#[]%\"<>\\^`{|}\u0000\u001f\u007f\u00e9\u202e\u4e2d"];

    /// <summary>Segments a client folds into the path around them ("a/../b" is "b"): they move a request to another route.</summary>
    private static readonly string[] DotSegments = ["..", ".", "%2e%2e", "%2E"];

    /// <summary>A segment in place of an id or a name, a dot segment among them (requests that read only).</summary>
    public static Gen<string> Segment => Gen.Frequency((12, StayingSegment), (1, Gen.OneOf(DotSegments)));

    /// <summary>
    /// A segment in place of an id or a name that stays in place: unknown uuids, uuids spelled otherwise, junk. Requests
    /// that would change something use only these, so that a spoiled id cannot fold into a real object's path.
    /// </summary>
    public static readonly Gen<string> StayingSegment = Gen.Frequency(
        (3, Gen.Guid.Select(g => g.ToString("D"))),
        (2, Gen.Select(Gen.Guid, Gen.Int[0, 4], (g, spelling) => spelling switch
        {
            0 => g.ToString("N"),
            1 => Uri.EscapeDataString(g.ToString("B")),
            2 => g.ToString("D").ToUpperInvariant(),
            3 => g.ToString("D") + "x",
            _ => g.ToString("D")[..35],
        })),
        (3, Gen.String[Chars, 1, 40].Select(s => s.Trim('.').Length == 0 ? s + "x" : Uri.EscapeDataString(s))),
        (1, Gen.Int[256, 4000].Select(n => new string('a', n))),
        (3, Gen.OneOf(RawSegments)));

    private static readonly string[] QueryKeys =
    [
        "limit", "offset", "uuid", "name", "state", "region", "node_type", "provider", "service", "node", "object", "type",
        "image_name", "deployment_strategy", "stack__name", "uuid__startswith", "name__startswith", "state__startswith",
        "region__startswith", "image_name__startswith", "state__in", "order_by", "format", "limit[]", "reuse_volumes", "",
    ];

    private static readonly string[] QueryValues =
    [
        "", "-1", "0", "1", "1000", "1001", "10000000", "10000001", "2147483647", "2147483648", "-2147483649",
        "99999999999999999999", "1e3", "0x10", "%201", "1.5", "Deployed", "Terminated", "%00", "%ff", "%C0%AF",
        "%27%20or%201%20eq%201%20or%20%27%27eq%27", "%27", "%27%27", "a%26b%3Dc", "/api/infra/v1/region/local/local/",
        "/api/app/v1/service/", "*", "%2A",
    ];

    private static readonly Gen<string> QueryValue = Gen.Frequency(
        (4, Gen.OneOf(QueryValues)),
        (2, Gen.String[Chars, 0, 30].Select(Uri.EscapeDataString)),
        (1, Gen.Select(Gen.Guid, Gen.Int[1, 36], (g, length) => g.ToString("D")[..length])),
        (1, Gen.Int[300, 4000].Select(n => new string('b', n))));

    private static readonly Gen<string> Pair = Gen.Frequency(
        (8, Gen.Select(Gen.OneOf(QueryKeys), QueryValue, (k, v) => k + "=" + v)),
        (1, Gen.OneOf(QueryKeys)),
        (1, Gen.OneOf("&", "=", "==", "&&", "a=b=c", "%3D=%26")));

    /// <summary>"" or "?..." with a few pairs, keys repeated at times.</summary>
    public static readonly Gen<string> Query = Gen.Frequency(
        (1, Gen.Const("")),
        (1, Pair.Array[1, 5].Select(pairs => "?" + string.Join("&", pairs))));
}
