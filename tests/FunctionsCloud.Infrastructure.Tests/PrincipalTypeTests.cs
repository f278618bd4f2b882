namespace FunctionsCloud.Infrastructure.Tests;

/// <summary>
/// The deploying principal's role assignments carry its kind: a pipeline signed in as a service principal must not
/// be assigned as a User (UnmatchedPrincipalType). AZURE_PRINCIPAL_TYPE says it; unset, the template tells from the
/// deploying principal itself.
/// </summary>
public class PrincipalTypeTests
{
    private static readonly CompiledTemplate Template = CompiledTemplate.Main;

    [Fact]
    public void Azd_passes_AZURE_PRINCIPAL_TYPE_with_no_default_of_its_own()
    {
        Assert.Equal("${AZURE_PRINCIPAL_TYPE}", ParametersFile.ValueOf("principalType"));

        var parameter = Template.Root.GetProperty("parameters").GetProperty("principalType");
        Assert.Equal("", parameter.GetProperty("defaultValue").GetString());
        var allowed = parameter.GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.Equal(["", "User", "ServicePrincipal", "Group"], allowed);
    }

    [Fact]
    public void Unset_it_is_ServicePrincipal_when_the_deploying_principal_has_no_user_principal_name()
    {
        var chosen = Template.Root.GetProperty("variables").GetProperty("deployingPrincipalType").GetString()!;

        Assert.StartsWith("[if(not(empty(parameters('principalType'))), parameters('principalType'),", chosen);
        Assert.Contains("equals(parameters('principalId'), variables('deployingPrincipal').objectId)", chosen);
        Assert.Contains("empty(coalesce(tryGet(variables('deployingPrincipal'), 'userPrincipalName'), ''))), 'ServicePrincipal', 'User')", chosen);
        Assert.Equal("[deployer()]", Template.Root.GetProperty("variables").GetProperty("deployingPrincipal").GetString());
    }

    [Fact]
    public void The_deploying_principal_is_assigned_with_the_chosen_kind()
    {
        var roles = Template.OfType("Microsoft.Resources/deployments").Single(d => d.Name == "roles");
        Assert.Equal("[variables('deployingPrincipalType')]", roles.StringAt("properties.parameters.userPrincipalType.value"));

        var userAssignments = Template.OfType("Microsoft.Authorization/roleAssignments")
            .Where(a => a.StringAt("properties.principalId") == "[parameters('userPrincipalId')]").ToList();
        Assert.NotEmpty(userAssignments);
        Assert.All(userAssignments, a => Assert.Equal("[parameters('userPrincipalType')]", a.StringAt("properties.principalType")));
    }
}
