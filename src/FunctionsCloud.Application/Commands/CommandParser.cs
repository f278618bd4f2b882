using System.Text.RegularExpressions;
using FunctionsCloud.Application.Api;
using FunctionsCloud.Domain.Validation;

namespace FunctionsCloud.Application.Commands;

/// <summary>
/// Reads a command message and checks everything that needs no storage: size, JSON, fields, operation, counts and
/// the reply queue. Whatever is wrong becomes one <see cref="CommandRejectedException"/> naming every problem.
/// </summary>
public sealed partial class CommandParser(int maxBytes, string commandQueue)
{
    private static readonly Dictionary<string, CommandOperation> Operations = Enum.GetValues<CommandOperation>()
        .ToDictionary(o => o.ToString().ToLowerInvariant(), StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, CommandTargetKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["service"] = CommandTargetKind.Service,
        ["nodecluster"] = CommandTargetKind.NodeCluster,
    };

    /// <summary>A node cluster is deployed, scaled or terminated; the rest are a service's.</summary>
    private static readonly CommandOperation[] ClusterOperations = [CommandOperation.Deploy, CommandOperation.Scale, CommandOperation.Terminate];

    public Command Parse(ReadOnlySpan<byte> body)
    {
        if (body.Length > maxBytes)
            throw new CommandRejectedException($"The message is {body.Length} bytes; at most {maxBytes} are accepted.");
        CommandMessage message;
        try
        {
            message = RequestBody.Parse<CommandMessage>(body);
        }
        catch (RequestValidationException e)
        {
            throw new CommandRejectedException(e.Message, e);
        }

        return Check(message);
    }

    private Command Check(CommandMessage message)
    {
        var validator = new Validator()
            .Require(message.Id is null || IsIdempotencyKey(message.Id), "id", "must be 1 to 128 letters, digits, '.', '_', ':' or '-'.")
            .Require(!string.IsNullOrEmpty(message.Authorization), "authorization", "is required: Basic base64(user:apikey) of a user of the namespace.");
        var (kind, uuid, name) = CheckTarget(message.Target, validator);
        var operation = CheckOperation(message, kind, validator);
        if (message.ReplyTo is { } replyTo && ReplyQueueNames.Problem(replyTo, commandQueue) is { } badQueue)
            validator.Add("reply_to", badQueue);
        try
        {
            validator.ThrowIfInvalid();
        }
        catch (RequestValidationException e)
        {
            throw new CommandRejectedException(e.Message, e);
        }

        return new Command(message.Id, message.Namespace, kind, uuid, name, operation, message.Count, message.By, message.ReplyTo);
    }

    private static (CommandTargetKind Kind, Guid? Uuid, string? Name) CheckTarget(CommandTargetRequest? target, Validator validator)
    {
        if (target is null)
        {
            validator.Add("target", "is required: {\"kind\": \"service\" or \"nodecluster\", \"uuid\" or \"name\"}.");
            return default;
        }

        if (!Kinds.TryGetValue(target.Kind ?? "", out var kind))
            validator.Add("target.kind", "must be \"service\" or \"nodecluster\".");
        Guid? uuid = null;
        if ((target.Uuid is null) == (target.Name is null))
            validator.Add("target", "must name the object by exactly one of uuid and name.");
        else if (target.Uuid is { } text && Guid.TryParseExact(text, "D", out var parsed))
            uuid = parsed;
        else if (target.Uuid is not null)
            validator.Add("target.uuid", "must be a uuid.");
        else if (string.IsNullOrWhiteSpace(target.Name))
            validator.Add("target.name", "must not be empty.");
        return (kind, uuid, target.Name);
    }

    private static CommandOperation CheckOperation(CommandMessage message, CommandTargetKind kind, Validator validator)
    {
        if (!Operations.TryGetValue(message.Operation ?? "", out var operation))
        {
            validator.Add("operation", $"must be one of {string.Join(", ", Operations.Keys)}.");
            return default;
        }

        if (kind == CommandTargetKind.NodeCluster && !ClusterOperations.Contains(operation))
            validator.Add("operation", $"a node cluster can be deployed, scaled or terminated, not {message.Operation}.");
        if (operation != CommandOperation.Scale)
        {
            validator.Require(message.Count is null && message.By is null, "count", "and by belong to scale only.");
            return operation;
        }

        if ((message.Count is null) == (message.By is null))
            validator.Add("count", "scale takes exactly one of count (scale to) and by (scale by).");
        validator.Require(message.Count is not < 0, "count", $"must be 0 or more, was {message.Count}.")
            .Require(message.By is not 0, "by", "must not be 0.");
        return operation;
    }

    /// <summary>Whether a message's "id" can serve as its idempotency key (and as a table key).</summary>
    public static bool IsIdempotencyKey(string id) => IdempotencyKey().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,128}\\z")]
    private static partial Regex IdempotencyKey();
}
