namespace FunctionsCloud.Infrastructure.Tests.Commands;

public class CommandQueueTemplateTests
{
    private static readonly CompiledTemplate Template = CompiledTemplate.Main;

    [Fact]
    public void The_storage_account_gets_the_command_queue_and_its_poison_queue_named_by_the_app_setting()
    {
        Assert.Single(Template.OfType("Microsoft.Storage/storageAccounts/queueServices/queues"));
        var storageModule = Template.OfType("Microsoft.Resources/deployments").Single(d => d.Name == "storage");

        var queues = storageModule.At("properties.parameters.queues.value").EnumerateArray().Select(q => q.GetString()!).ToList();

        Assert.Equal(2, queues.Count);
        Assert.All(queues, q => Assert.Contains("parameters('commandQueue')", q));
        Assert.Contains(queues, q => q.Contains("-poison", StringComparison.Ordinal));
    }
}
