using FunctionsCloud.Application.Api;
using FunctionsCloud.Application.Authentication;
using FunctionsCloud.Application.Configuration;
using FunctionsCloud.Storage.Commands;
using Microsoft.Extensions.Options;

namespace FunctionsCloud.Application.Commands;

/// <summary>
/// GET /api/audit/v1/poison/: the command messages that failed every retry, peeked (left in the queue). An admin sees
/// all of them; anyone else only those whose credential is a valid key of their own namespace, which is what
/// would have let the message act there. Credentials are never shown.
/// </summary>
public sealed class PoisonCommands(ICommandQueues queues, ApiKeyAuthenticator authenticator, IOptions<FunctionsCloudOptions> options)
{
    public const string Suffix = "-poison";

    private static readonly Dictionary<string, Func<PoisonCommandResource, string?>> Fields = [];

    public static IReadOnlySet<string> FilterableFields { get; } = new HashSet<string>();

    public async Task<(IReadOnlyList<PoisonCommandResource> Items, int Total)> ListAsync(Caller caller, ListRequest request, CancellationToken cancellationToken)
    {
        var visible = new List<PoisonCommandResource>();
        foreach (var message in await queues.PeekAsync(options.Value.CommandQueue + Suffix, cancellationToken))
        {
            var body = CommandText.Decode(message.Body);
            if (caller.IsInstallationAdmin || await NamespaceOfAsync(body, cancellationToken) == caller.Namespace)
                visible.Add(PoisonCommandResource.From(message, body));
        }

        return InMemoryLists.Apply(visible, request, Fields);
    }

    private async Task<string?> NamespaceOfAsync(BinaryData body, CancellationToken cancellationToken)
    {
        try
        {
            return (await authenticator.AuthenticateAsync(CommandEnvelope.Read(body.ToMemory().Span).Authorization, cancellationToken, recordUse: false)).Namespace;
        }
        catch (AuthenticationFailedException)
        {
            return null;
        }
    }
}
