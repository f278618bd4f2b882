using System.CommandLine;
using FunctionsCloud.Cli.Commands.Common;
using FunctionsCloud.Cli.Runtime;
using FunctionsCloud.Client.Requests;
using FunctionsCloud.Client.Resources;

namespace FunctionsCloud.Cli.Commands.NodeClusters;

/// <summary><c>fc nodecluster create NAME PROVIDER REGION NODETYPE</c>: creates the cluster and deploys it, as Docker Cloud's CLI did.</summary>
public static class NodeClusterCreateCommand
{
    public static Command Build(CommandHost host)
    {
        var name = new Argument<string>("name") { Description = "The cluster's name" };
        var provider = new Argument<string>("provider") { Description = "A provider's name (fc provider ls), e.g. local or aws" };
        var region = new Argument<string>("region") { Description = "A region of that provider (fc region ls)" };
        var nodeType = new Argument<string>("nodetype") { Description = "A node type of that provider (fc nodetype ls)" };
        var nodes = new Option<int>("--target-num-nodes", "-t") { Description = "How many nodes", DefaultValueFactory = _ => 1 }.InRange(1);
        var tags = Tags.Option("The cluster's tags (its nodes carry them)");
        var sync = CommonOptions.Sync();
        var command = new Command("create", "Create a node cluster and deploy it") { name, provider, region, nodeType, nodes, tags, sync };
        host.Handle(command, async context =>
        {
            var request = new CreateNodeClusterRequest(
                context.Value(name),
                context.Value(nodes),
                CatalogUri("region", context.Value(provider), context.Value(region)),
                CatalogUri("nodetype", context.Value(provider), context.Value(nodeType)),
                Tags.Of(context.Value(tags)));
            var created = await context.Client.CreateNodeClusterAsync(request, context.Cancellation);
            var deployed = await context.Client.NodeClusters.PostAsync(created.Object.ResourceUri, "deploy", context.Cancellation);
            return await context.FinishAsync(deployed, NodeClusterKind.Kind.Id(deployed.Object), context.Value(sync));
        });
        return command.WithExample("fc nodecluster create apps local local local -t 2 --sync");
    }

    public static string CatalogUri(string kind, string provider, string name) =>
        $"/api/infra/v1/{kind}/{Uri.EscapeDataString(provider)}/{Uri.EscapeDataString(name)}/";
}
