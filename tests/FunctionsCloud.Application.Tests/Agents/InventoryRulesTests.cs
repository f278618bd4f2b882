using FunctionsCloud.Application.Agents;
using FunctionsCloud.Domain.Agents;
using FunctionsCloud.Domain.Validation;

namespace FunctionsCloud.Application.Tests.Agents;

public class InventoryRulesTests
{
    private readonly InventoryRules _rules = new();

    [Fact]
    public void A_sensible_inventory_passes() => _rules.Validate(new NodeInventory(2, 24_000, 250, "28.2.2"), "node-1.example");

    [Theory]
    [InlineData(0, 1024, 10, null, "inventory.cpu")]
    [InlineData(2, -1, 10, null, "inventory.memory")]
    [InlineData(2, 1024, -5, null, "inventory.disk")]
    [InlineData(2, 1024, 10, "28.2.2\u0000evil", "inventory.docker_version")]
    public void Nonsense_is_refused_naming_the_field(int cpu, long memory, long disk, string? docker, string field)
    {
        var error = Assert.Throws<RequestValidationException>(() => _rules.Validate(new NodeInventory(cpu, memory, disk, docker)));

        Assert.Equal(field, error.Errors.Single().Field);
    }

    [Fact]
    public void Host_names_with_shell_characters_are_refused() =>
        Assert.Throws<RequestValidationException>(() => _rules.Validate(null, "host;reboot"));
}
