namespace FunctionsCloud.Infrastructure.Tests;

public class RoleAssignmentTests
{
    private static readonly CompiledTemplate Template = CompiledTemplate.Main;

    private static List<TemplateResource> AssignmentsOf(string roleDefinitionId) =>
        Template.OfType("Microsoft.Authorization/roleAssignments")
            .Where(a => a.ResolveVariables(a.StringAt("properties.roleDefinitionId")).Contains($"'{roleDefinitionId}'", StringComparison.Ordinal))
            .ToList();

    [Theory]
    [InlineData("Storage Blob Data Owner", "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Microsoft.Storage/storageAccounts")]
    [InlineData("Storage Queue Data Contributor", "974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Microsoft.Storage/storageAccounts")]
    [InlineData("Storage Table Data Contributor", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Microsoft.Storage/storageAccounts")]
    [InlineData("Key Vault Secrets User", "4633458b-17de-408a-b874-0445c86b69e6", "Microsoft.KeyVault/vaults")]
    [InlineData("Monitoring Metrics Publisher", "3913510d-42f4-4e42-8a64-420c390055eb", "Microsoft.Insights/components")]
    public void The_app_identity_has_the_role(string role, string roleDefinitionId, string scopeType)
    {
        var assignment = Assert.Single(AssignmentsOf(roleDefinitionId), a =>
            a.StringAt("properties.principalId") == "[parameters('identityPrincipalId')]");

        Assert.Equal("ServicePrincipal", assignment.StringAt("properties.principalType"));
        Assert.Contains($"'{scopeType}'", assignment.StringAt("scope"));
        Assert.StartsWith("[guid(", assignment.Name);
        Assert.False(assignment.Element.TryGetProperty("condition", out _), $"{role} must always be assigned.");
    }

    [Theory]
    [InlineData("Storage Blob Data Contributor", "ba92f5b4-2d11-453d-a403-e96b0029c9fe", "Microsoft.Storage/storageAccounts")]
    [InlineData("Key Vault Secrets Officer", "b86a8fe4-44ce-4948-aee5-eccb2c155cd7", "Microsoft.KeyVault/vaults")]
    public void The_deploying_user_has_the_role_when_known(string role, string roleDefinitionId, string scopeType)
    {
        var assignment = Assert.Single(AssignmentsOf(roleDefinitionId), a =>
            a.StringAt("properties.principalId") == "[parameters('userPrincipalId')]");

        Assert.Contains($"'{scopeType}'", assignment.StringAt("scope"));
        Assert.Equal("[not(empty(parameters('userPrincipalId')))]", assignment.StringAt("condition"));
        Assert.NotEmpty(role);
    }

    [Fact]
    public void The_roles_module_gets_the_deploying_user_from_azd()
    {
        var roles = Template.OfType("Microsoft.Resources/deployments").Single(d => d.Name == "roles");

        Assert.Equal("[parameters('principalId')]", roles.StringAt("properties.parameters.userPrincipalId.value"));
    }

    [Fact]
    public void The_function_app_waits_for_its_roles()
    {
        var functionApp = Template.OfType("Microsoft.Resources/deployments").Single(d => d.Name == "functionapp");

        var dependsOn = functionApp.At("dependsOn").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(dependsOn, d => d.Contains("'roles'", StringComparison.Ordinal));
    }

    [Fact]
    public void The_app_identity_may_set_and_delete_secrets_only_in_the_provider_accounts_vault()
    {
        var officer = AssignmentsOf("b86a8fe4-44ce-4948-aee5-eccb2c155cd7")
            .Where(a => a.StringAt("properties.principalId") == "[parameters('identityPrincipalId')]").ToList();
        var user = AssignmentsOf("4633458b-17de-408a-b874-0445c86b69e6")
            .Where(a => a.StringAt("properties.principalId") == "[parameters('identityPrincipalId')]").ToList();

        Assert.Equal("[resourceId('Microsoft.KeyVault/vaults', parameters('accountVaultName'))]", Assert.Single(officer).StringAt("scope"));
        Assert.Equal("[resourceId('Microsoft.KeyVault/vaults', parameters('keyVaultName'))]", Assert.Single(user).StringAt("scope"));
        var roles = Template.OfType("Microsoft.Resources/deployments").Single(d => d.Name == "roles");
        Assert.Equal("[variables('accountVaultName')]", roles.StringAt("properties.parameters.accountVaultName.value"));
        Assert.Equal("[variables('keyVaultName')]", roles.StringAt("properties.parameters.keyVaultName.value"));
        Assert.NotEqual(Template.Root.GetProperty("variables").GetProperty("accountVaultName").GetString(),
            Template.Root.GetProperty("variables").GetProperty("keyVaultName").GetString());
    }

    [Fact]
    public void The_app_finds_the_provider_accounts_in_their_vault()
    {
        var functionApp = Template.OfType("Microsoft.Resources/deployments").Single(d => d.Name == "functionapp");

        var uri = functionApp.StringAt("properties.parameters.accountVaultUri.value");
        Assert.Contains("'Microsoft.Resources/deployments', 'accountvault')", uri);
        Assert.EndsWith(".outputs.uri.value]", uri);
    }

    [Fact]
    public void Every_assignment_is_named_from_its_principal_id_not_a_resource_id()
    {
        var assignments = Template.OfType("Microsoft.Authorization/roleAssignments").ToList();

        Assert.NotEmpty(assignments);
        foreach (var assignment in assignments)
        {
            var principal = assignment.StringAt("properties.principalId");
            Assert.Matches(@"^\[parameters\('\w+'\)\]$", principal);
            Assert.Contains(principal[1..^1], assignment.Name);
            Assert.DoesNotContain("userAssignedIdentities", assignment.Name);
        }

        var roles = Template.OfType("Microsoft.Resources/deployments").Single(d => d.Name == "roles");
        var principalId = roles.StringAt("properties.parameters.identityPrincipalId.value");
        Assert.Contains("'Microsoft.Resources/deployments', 'identity')", principalId);
        Assert.EndsWith(".outputs.principalId.value]", principalId);
    }
}
