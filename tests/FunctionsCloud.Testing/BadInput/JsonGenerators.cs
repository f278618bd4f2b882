using System.Text;
using System.Text.Json;
using CsCheck;

namespace FunctionsCloud.Testing.BadInput;

/// <summary>
/// Request bodies as JSON text: objects over the field names the app reads (so that they reach its readers) with values
/// of any type, and bodies spoiled so that the app must refuse them whatever else they hold.
/// </summary>
public static class JsonGenerators
{
    private static readonly string[] Keys =
    [
        "name", "nickname", "tags", "target_num_nodes", "region", "node_type", "provider_options", "image_name",
        "target_num_containers", "deployment_strategy", "container_ports", "container_envvars", "linked_to_service",
        "run_command", "entrypoint", "working_dir", "memory", "cpu_shares", "autorestart", "autodestroy",
        "sequential_deployment", "operation", "uses", "expires_in", "token", "access_key_id", "secret_access_key",
        "inventory", "containers", "lease", "cpu", "memory_mb", "disk_gb", "docker_version", "state", "exit_code",
        "inner_port", "outer_port", "protocol", "published", "key", "value", "to_service", "vpc", "subnets", "iam", "x", "",
        "image", "privileged", "net", "pid", "bindings", "host_path", "container_path", "rewritable", "volumes_from",
    ];

    private static readonly string[] Numbers =
    [
        "0", "-1", "1", "3", "100", "101", "1001", "2147483647", "2147483648", "-2147483649", "9223372036854775808",
        "1e400", "-1e400", "1.5", "1E2", "-0", "0.0000001", "100000000000000000000000000000000000000",
    ];

    private static readonly string[] Words =
    [
        "", " ", "local", "web", "/api/infra/v1/region/local/local/", "/api/infra/v1/nodetype/local/local/", "/api/app/v1/service/",
        "EMPTIEST_NODE", "EVERY_NODE", "REDEPLOY", "SCALEUP", "tcp", "udp", "ON_SUCCESS", "ALWAYS", "Running", "rack=7",
        "functionscloud/busybox", "UPPER:case", "a\u0000b", "line\nbreak", "\u202eevil", "\u00e9t\u00e9", "\ud83d\ude00", "' or ''eq''",
        "${PATH}", "../../etc/passwd", "null", "true", "-1", "99999999999999999999",
        "bridge", "host", "none", "/data", "relative/path", "/a:b", "corpus",
    ];

    private static readonly Gen<char> Chars = Gen.Char["abcXYZ019 -_./:=@\"\\\u0001\u001f\u007f\u00e9\u2028\u202e\uffff"];

    public static readonly Gen<string> Key = Gen.Frequency((5, Gen.OneOf(Keys)), (1, Gen.String[Chars, 0, 12]))
        .Select(k => JsonSerializer.Serialize(k));

    public static readonly Gen<string> String = Gen.Frequency(
        (4, Gen.OneOf(Words)),
        (3, Gen.String[Chars, 0, 30]),
        (1, Gen.Int[200, 20_000].Select(n => new string('a', n))))
        .Select(s => JsonSerializer.Serialize(s));

    public static readonly Gen<string> Scalar = Gen.Frequency(
        (1, Gen.OneOf("null", "true", "false")), (2, Gen.OneOf(Numbers)), (3, String));

    /// <summary>Any JSON value, objects and arrays nested up to <paramref name="depth"/> levels.</summary>
    public static Gen<string> Value(int depth) => depth == 0
        ? Scalar
        : Gen.Frequency((4, Scalar), (1, ArrayOf(Value(depth - 1))), (2, ObjectOf(Value(depth - 1))));

    public static readonly Gen<string> Object = ObjectOf(Value(2));

    /// <summary>Members of an object (keys may repeat: that is one of the spoils).</summary>
    public static Gen<string[]> Members(Gen<string> value) => Gen.Select(Key, value, (k, v) => $"{k}: {v}").Array[0, 6];

    /// <summary>
    /// A member the app must refuse wherever it sits: a key twice in one object, a string escaping a lone surrogate,
    /// a null list item, each maybe nested in an object or a list of objects.
    /// </summary>
    public static readonly Gen<string> PoisonMember = Gen.Select(Key, Gen.Int[0, 5], Scalar, (key, kind, value) => kind switch
    {
        0 => $"{key}: {value}, {key}: {value}",
        1 => $"{key}: \"x\\ud800\"",
        2 => $"{key}: \"\\udfff\"",
        3 => $"{key}: [{value}, null]",
        4 => $"{key}: {{\"inner\": {value}, \"inner\": {value}}}",
        _ => $"{key}: [{{\"name\": {value}, \"name\": {value}}}]",
    });

    /// <summary>An object holding a poisoned member among random ones.</summary>
    public static readonly Gen<string> PoisonedObject = Gen.Select(Members(Value(2)), PoisonMember, Gen.Int[0, 6], (members, poison, at) =>
        "{" + string.Join(", ", members.Take(at).Append(poison).Concat(members.Skip(at))) + "}");

    /// <summary>Text that is not one JSON object: broken syntax, another top-level value, what JSON does not allow.</summary>
    public static readonly Gen<string> NotAnObject = Gen.Frequency(
        (3, Gen.Select(PoisonedObject, Gen.Double[0, 1], (text, cut) => text[..Math.Max(1, (int)(cut * (text.Length - 1)))])),
        (2, Gen.Select(Object, Gen.OneOf(" x", "}", "{}", ",", " // c", "\u0000"), (text, tail) => text + tail)),
        (2, Gen.OneOf(ArrayOf(Value(1)), Scalar)),
        (1, Gen.OneOf("{'name': 'x'}", "{\"name\": \"x\",}", "{\"a\": NaN}", "{\"a\": Infinity}", "{name: 1}", "{\"a\" 1}",
            "{\"a\": \"tab\there\"}", "{/* c */}", "{\"a\": 01}", "{\"a\": .5}", "{\"a\": +1}", "{\"a\": \"\\x41\"}", "{\"a\": \"\\u12\"}")),
        (1, Gen.Int[65, 3000].Select(depth => new string('[', depth) + new string(']', depth))),
        (1, Gen.Int[65, 3000].Select(depth => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth))));

    private static Gen<string> ArrayOf(Gen<string> value) => value.Array[0, 4].Select(items => "[" + string.Join(", ", items) + "]");

    private static Gen<string> ObjectOf(Gen<string> value) => Members(value).Select(members => "{" + string.Join(", ", members) + "}");

    /// <summary>UTF-8 of the text, with bytes that are not UTF-8 put in a string when asked.</summary>
    public static byte[] Utf8(string text, int? invalidAt = null)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (invalidAt is not { } at)
            return bytes;
        // Inside the first string at or after the position, else the first string at all: the body is always spoiled.
        var quote = text.IndexOf('"', Math.Min(at, text.Length - 1));
        if (quote < 0)
            quote = text.IndexOf('"');
        if (quote < 0)
            return bytes;
        var offset = Encoding.UTF8.GetByteCount(text[..(quote + 1)]);
        return [.. bytes[..offset], 0xC3, 0x28, 0xFF, 0xED, 0xA0, 0x80, .. bytes[offset..]];
    }
}
