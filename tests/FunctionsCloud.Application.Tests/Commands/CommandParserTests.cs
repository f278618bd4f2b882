using System.Text;
using FunctionsCloud.Application.Commands;

namespace FunctionsCloud.Application.Tests.Commands;

public class CommandParserTests
{
    private const string Queue = "functionscloud-commands";
    private const string Credential = "Basic YWRtaW46a2V5";
    private static readonly CommandParser Parser = new(512, Queue);

    private static Command Parse(string json) => Parser.Parse(Encoding.UTF8.GetBytes(json));

    private static string Message(string target, string operation, string extra = "") =>
        $$"""{"authorization":"{{Credential}}","target":{{target}},"operation":"{{operation}}"{{extra}}}""";

    [Fact]
    public void Reads_a_scale_by_name_with_its_id_namespace_and_reply_queue()
    {
        var command = Parse(Message("""{"kind":"service","name":"web"}""", "scale", ""","count":3,"id":"build-42","namespace":"team","reply_to":"pipeline-replies" """));

        Assert.Equal(new Command("build-42", "team", CommandTargetKind.Service, null, "web", CommandOperation.Scale, 3, null, "pipeline-replies"), command);
    }

    [Fact]
    public void Reads_a_node_cluster_by_uuid()
    {
        var uuid = Guid.NewGuid();

        var command = Parse(Message($$"""{"kind":"nodecluster","uuid":"{{uuid}}"}""", "deploy"));

        Assert.Equal((CommandTargetKind.NodeCluster, uuid, CommandOperation.Deploy), (command.Kind, command.Uuid, command.Operation));
    }

    [Theory]
    [InlineData("not json", "body")]
    [InlineData("""{"authorization":"x","target":{"kind":"service","name":"web"},"operation":"start","colour":"blue"}""", "colour")]
    [InlineData("""{"target":{"kind":"service","name":"web"},"operation":"start"}""", "authorization")]
    [InlineData("""{"authorization":"x","operation":"start"}""", "target")]
    [InlineData("""{"authorization":"x","target":{"kind":"stack","name":"web"},"operation":"start"}""", "target.kind")]
    [InlineData("""{"authorization":"x","target":{"kind":"service","name":"web","uuid":"0b6f7c1e-5b7e-4a43-9d87-6a2c34a59bde"},"operation":"start"}""", "exactly one of uuid and name")]
    [InlineData("""{"authorization":"x","target":{"kind":"service","uuid":"web"},"operation":"start"}""", "target.uuid")]
    [InlineData("""{"authorization":"x","target":{"kind":"service","name":"web"},"operation":"explode"}""", "operation: must be one of")]
    [InlineData("""{"authorization":"x","target":{"kind":"nodecluster","name":"web"},"operation":"stop"}""", "a node cluster can be deployed, scaled or terminated")]
    [InlineData("""{"authorization":"x","target":{"kind":"service","name":"web"},"operation":"scale"}""", "exactly one of count")]
    [InlineData("""{"authorization":"x","target":{"kind":"service","name":"web"},"operation":"scale","count":2,"by":1}""", "exactly one of count")]
    [InlineData("""{"authorization":"x","target":{"kind":"service","name":"web"},"operation":"scale","count":-1}""", "count: must be 0 or more")]
    [InlineData("""{"authorization":"x","target":{"kind":"service","name":"web"},"operation":"scale","by":0}""", "by: must not be 0")]
    [InlineData("""{"authorization":"x","target":{"kind":"service","name":"web"},"operation":"scale","count":"three"}""", "count")]
    [InlineData("""{"authorization":"x","target":{"kind":"service","name":"web"},"operation":"start","count":2}""", "belong to scale only")]
    [InlineData("""{"authorization":"x","target":{"kind":"service","name":"web"},"operation":"start","id":"a/b"}""", "id: must be")]
    public void A_message_that_cannot_succeed_is_rejected_with_a_reason_naming_the_problem(string json, string reason)
    {
        var rejection = Assert.Throws<CommandRejectedException>(() => Parse(json));

        Assert.Contains(reason, rejection.Message);
    }

    [Fact]
    public void A_message_over_the_size_limit_is_rejected_before_it_is_read()
    {
        var rejection = Assert.Throws<CommandRejectedException>(() => Parse(Message("""{"kind":"service","name":"web"}""", "start", $$""","id":"{{new string('a', 600)}}" """)));

        Assert.Contains("at most 512 are accepted", rejection.Message);
    }

    [Theory]
    [InlineData(Queue)]
    [InlineData(Queue + "-poison")]
    [InlineData("functionscloud-control-00")]
    [InlineData("functionscloud-workitems")]
    [InlineData("Replies")]
    [InlineData("a--b")]
    [InlineData("ab")]
    public void A_reply_queue_may_not_be_one_of_the_apps_own_queues_or_an_invalid_name(string replyTo)
    {
        var rejection = Assert.Throws<CommandRejectedException>(() => Parse(Message("""{"kind":"service","name":"web"}""", "start", $$""","reply_to":"{{replyTo}}" """)));

        Assert.Contains("reply_to", rejection.Message);
    }

    [Fact]
    public void The_envelope_is_read_even_from_a_message_the_parser_rejects()
    {
        var envelope = CommandEnvelope.Read("""{"id":"k1","authorization":"Basic abc","reply_to":"replies","operation":"explode","count":"x"}"""u8);

        Assert.Equal(new CommandEnvelope("k1", "Basic abc", "replies"), envelope);
        Assert.Equal(CommandEnvelope.None, CommandEnvelope.Read("not json"u8));
    }

    [Fact]
    public void Base64_bodies_are_decoded_and_plain_json_is_kept()
    {
        const string json = """{"operation":"start"}""";

        Assert.Equal(json, CommandText.Decode(BinaryData.FromString(Convert.ToBase64String(Encoding.UTF8.GetBytes(json)))).ToString());
        Assert.Equal(json, CommandText.Decode(BinaryData.FromString(json)).ToString());
    }
}
