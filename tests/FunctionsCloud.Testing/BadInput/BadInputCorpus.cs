using System.Text;
using CsCheck;

namespace FunctionsCloud.Testing.BadInput;

/// <summary>
/// Requests to one route that are wrong somewhere: a spoiled id or name in the path, a query of unknown or malformed
/// filters and bounds, a spoiled body, credentials that name nobody. A request that would change something if it
/// were right (every method but GET, with the admin's key) is always wrong in the path or the body, so that nothing
/// it asks for may happen.
/// </summary>
public static class BadInputCorpus
{
    public static Gen<BadRequest> For(HttpRoute route, BadInputWorld world)
    {
        var use = BadInputRoutes.Uses[route.Function];
        var mustSpoilPath = !route.IsRead && use is { Caller: RouteCaller.Admin, Body: RouteBody.None };
        if (mustSpoilPath && route.Parameters.Count == 0)
            throw new InvalidOperationException($"{route}: an operation without a parameter cannot be spoiled in its path; give it a body.");
        var body = use switch
        {
            { Body: RouteBody.None } => BodyGenerators.Unread,
            { Body: RouteBody.Text } => BodyGenerators.Text,
            { Caller: RouteCaller.Admin } => BodyGenerators.Spoiled,
            _ => BodyGenerators.Any,
        };
        return Gen.Select(Path(route, world, mustSpoilPath), UrlGenerators.Query, Authorization(use.Caller, world), body,
            (path, query, authorization, sent) => new BadRequest(route, path + query, authorization, sent.ContentType, sent.Bytes));
    }

    private static Gen<string> Path(HttpRoute route, BadInputWorld world, bool mustSpoil)
    {
        var count = route.Parameters.Count;
        return Gen.Int[0, Math.Max(0, count - 1)].SelectMany(forced =>
            Sequence(route.Parameters.Select((name, i) => Value(world.Known(route, name), mustSpoil && i == forced, route.IsRead))).Select(values =>
            {
                var path = route.Template;
                for (var i = 0; i < count; i++)
                    path = path.Replace("{" + route.Parameters[i] + "}", values[i], StringComparison.Ordinal)
                        .Replace("{*" + route.Parameters[i] + "}", values[i], StringComparison.Ordinal);
                return "/" + path;
            })).SelectMany(path => Gen.Frequency((3, Gen.Const(path + "/")), (1, Gen.Const(path))));
    }

    private static Gen<string> Value(string? known, bool spoil, bool read)
    {
        var spoiled = read ? UrlGenerators.Segment : UrlGenerators.StayingSegment;
        return known is null || spoil ? spoiled : Gen.Frequency((2, Gen.Const(known)), (1, spoiled));
    }

    private static Gen<string[]> Sequence(IEnumerable<Gen<string>> gens) =>
        gens.Aggregate(Gen.Const(Array.Empty<string>()), (all, next) => Gen.Select(all, next, (values, value) => (string[])[.. values, value]));

    private static Gen<string?> Authorization(RouteCaller caller, BadInputWorld world) => caller switch
    {
        RouteCaller.Admin => Gen.Frequency<string?>((9, Gen.Const<string?>(world.AdminAuthorization)), (1, JunkAuthorization)),
        RouteCaller.Agent => Gen.Frequency<string?>((2, Gen.Const<string?>("Bearer " + world.UnknownNodeSecret)), (1, Gen.Const((string?)null)), (2, JunkAuthorization)),
        _ => Gen.Frequency<string?>((6, Gen.Const((string?)null)), (1, JunkAuthorization)),
    };

    private static readonly Gen<string?> JunkAuthorization = Gen.OneOf<string?>(
        "Basic", "Basic ", "Basic !!!", Basic("admin"), Basic("admin:"), Basic(":"), Basic("admin:wrong-key"), Basic("nobody:x"),
        Basic(new string('a', 6000) + ":x"), "Bearer", "Bearer x.y.z", "Bearer " + new string('a', 5000), "Digest username=admin",
        "Basic ====", "Basic " + new string('A', 3));

    private static string Basic(string credentials) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials));
}
