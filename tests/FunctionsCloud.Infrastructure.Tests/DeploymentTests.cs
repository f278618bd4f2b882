using System.Text.Json;

namespace FunctionsCloud.Infrastructure.Tests;

public class DeploymentTests
{
    private static readonly CompiledTemplate Template = CompiledTemplate.Main;

    [Fact]
    public void Template_deploys_at_subscription_scope_and_makes_the_resource_group()
    {
        Assert.Contains("subscriptionDeploymentTemplate", Template.Root.GetProperty("$schema").GetString());
        var group = Template.Single("Microsoft.Resources/resourceGroups");
        Assert.Equal("[variables('tags')]", group.StringAt("tags"));
        Assert.Equal("[parameters('environmentName')]",
            Template.Root.GetProperty("variables").GetProperty("tags").GetProperty("azd-env-name").GetString());
    }

    [Theory]
    [InlineData("AGENT_BUILDS_URL")]
    [InlineData("AGENT_BUILDS_CONTAINER")]
    [InlineData("AZURE_STORAGE_ACCOUNT_NAME")]
    [InlineData("AZURE_KEY_VAULT_NAME")]
    [InlineData("AZURE_FUNCTION_APP_NAME")]
    [InlineData("FUNCTIONSCLOUD_URL")]
    [InlineData("BOOTSTRAP_USER")]
    [InlineData("BOOTSTRAP_API_KEY_SECRET_NAME")]
    public void Outputs_what_the_hook_and_the_readme_use(string output)
    {
        Assert.True(Template.Root.GetProperty("outputs").TryGetProperty(output, out _), $"No output {output}.");
    }

    [Fact]
    public void Agent_builds_url_is_the_container_on_the_blob_endpoint()
    {
        var value = Template.Root.GetProperty("outputs").GetProperty("AGENT_BUILDS_URL").GetProperty("value").GetString()!;

        Assert.Contains("outputs.blobEndpoint.value", value);
        Assert.Contains("variables('agentBuildsContainerName')", value);
        Assert.Equal("agent-builds", Template.Root.GetProperty("variables").GetProperty("agentBuildsContainerName").GetString());
    }

    [Fact]
    public void Outputs_hold_no_secret_value()
    {
        foreach (var output in Template.Root.GetProperty("outputs").EnumerateObject())
        {
            var value = output.Value.GetProperty("value").ToString();
            Assert.DoesNotContain("bootstrapApiKey')", value);
            Assert.DoesNotContain("nodeCredentialSeed')", value);
        }
    }

    [Fact]
    public void Parameters_file_names_only_template_parameters()
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "main.parameters.json")));
        var declared = Template.Root.GetProperty("parameters");

        foreach (var parameter in file.RootElement.GetProperty("parameters").EnumerateObject())
            Assert.True(declared.TryGetProperty(parameter.Name, out _), $"main.parameters.json sets unknown parameter {parameter.Name}.");
    }

    [Fact]
    public void Azure_yaml_deploys_the_function_app_as_service_api_and_publishes_the_agent_builds()
    {
        var yaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "azure.yaml"));

        Assert.Contains("  api:\n    project: src/FunctionsCloud.Functions\n    language: dotnet\n    host: function\n", yaml.ReplaceLineEndings("\n"));
        Assert.Contains("run: infra/hooks/publish-agent-builds.sh", yaml);
        Assert.Contains("  preprovision:\n    posix:\n      shell: sh\n      run: infra/hooks/find-stored-secrets.sh\n", yaml.ReplaceLineEndings("\n"));
    }
}
