using FunctionsCloud.Domain.Containers;
using FunctionsCloud.Domain.Links;
using FunctionsCloud.Domain.Services;

namespace FunctionsCloud.Domain.Tests.Links;

public class LinkVariablesTests
{
    private static readonly LinkedContainer Db1 = new(
        "mysql-1", 1, "10.0.0.5", [new(ContainerPort.Tcp, 5432, 32768)], [new("POSTGRES_DB", "shop"), new("PATH", "/usr/bin")]);

    private static readonly LinkedContainer Db2 = new("mysql-2", 2, "10.0.0.6", [new(ContainerPort.Tcp, 5432, 5432)], []);

    private static Dictionary<string, string> Variables(string alias, params LinkedContainer[] containers) =>
        LinkVariables.For(alias, containers).ToDictionary(v => v.Key, v => v.Value);

    [Fact]
    public void Each_linked_container_gets_its_numbered_port_variables_at_its_reachable_address()
    {
        var variables = Variables("db", Db1, Db2);

        Assert.Equal("tcp://10.0.0.5:32768", variables["DB_1_PORT_5432_TCP"]);
        Assert.Equal("10.0.0.5", variables["DB_1_PORT_5432_TCP_ADDR"]);
        Assert.Equal("32768", variables["DB_1_PORT_5432_TCP_PORT"]);
        Assert.Equal("tcp", variables["DB_1_PORT_5432_TCP_PROTO"]);
        Assert.Equal("tcp://10.0.0.6:5432", variables["DB_2_PORT_5432_TCP"]);
        Assert.Equal("mysql-2", variables["DB_2_NAME"]);
    }

    [Fact]
    public void The_first_container_also_gets_the_set_without_a_number_and_the_short_port_variable()
    {
        var variables = Variables("db", Db2, Db1);

        Assert.Equal("tcp://10.0.0.5:32768", variables["DB_PORT"]);
        Assert.Equal("tcp://10.0.0.5:32768", variables["DB_PORT_5432_TCP"]);
        Assert.Equal("10.0.0.5", variables["DB_PORT_5432_TCP_ADDR"]);
        Assert.Equal("mysql-1", variables["DB_NAME"]);
        Assert.Equal("shop", variables["DB_ENV_POSTGRES_DB"]);
    }

    [Fact]
    public void Linked_environment_is_passed_on_without_the_build_variables_docker_leaves_out()
    {
        var variables = Variables("db", Db1);

        Assert.Equal("shop", variables["DB_1_ENV_POSTGRES_DB"]);
        Assert.DoesNotContain("DB_1_ENV_PATH", variables.Keys);
        Assert.DoesNotContain("DB_ENV_PATH", variables.Keys);
    }

    [Fact]
    public void The_short_port_variable_names_the_lowest_port_tcp_before_udp()
    {
        var dns = new LinkedContainer("dns-1", 1, "10.0.0.9", [new(ContainerPort.Udp, 53, 53), new(ContainerPort.Tcp, 8080, 8080), new(ContainerPort.Tcp, 53, 53)], []);

        var variables = LinkVariables.For("dns", [dns]);

        Assert.Equal(new EnvironmentVariable("DNS_PORT", "tcp://10.0.0.9:53"), variables[0]);
        Assert.Equal("udp://10.0.0.9:53", variables.Single(v => v.Key == "DNS_1_PORT_53_UDP").Value);
    }

    [Fact]
    public void Aliases_become_upper_case_names_with_other_characters_as_underscores() =>
        Assert.Contains("MY_DB_2_1_NAME", Variables("my-db.2", Db1).Keys);

    [Fact]
    public void The_order_is_deterministic_short_variable_then_unnumbered_then_by_container_number()
    {
        var keys = LinkVariables.For("db", [Db2, Db1]).Select(v => v.Key).ToList();

        Assert.Equal(keys, LinkVariables.For("db", [Db1, Db2]).Select(v => v.Key));
        Assert.Equal(
            [
                "DB_PORT", "DB_NAME", "DB_PORT_5432_TCP", "DB_PORT_5432_TCP_ADDR", "DB_PORT_5432_TCP_PORT", "DB_PORT_5432_TCP_PROTO", "DB_ENV_POSTGRES_DB",
                "DB_1_NAME", "DB_1_PORT_5432_TCP", "DB_1_PORT_5432_TCP_ADDR", "DB_1_PORT_5432_TCP_PORT", "DB_1_PORT_5432_TCP_PROTO", "DB_1_ENV_POSTGRES_DB",
                "DB_2_NAME", "DB_2_PORT_5432_TCP", "DB_2_PORT_5432_TCP_ADDR", "DB_2_PORT_5432_TCP_PORT", "DB_2_PORT_5432_TCP_PROTO",
            ],
            keys);
    }

    [Fact]
    public void A_container_without_ports_gets_names_and_environment_only()
    {
        var worker = new LinkedContainer("worker-1", 1, "", [], [new("QUEUE", "jobs")]);

        Assert.Equal(
            [new("Q_NAME", "worker-1"), new("Q_ENV_QUEUE", "jobs"), new("Q_1_NAME", "worker-1"), new("Q_1_ENV_QUEUE", "jobs")],
            LinkVariables.For("q", [worker]));
    }

    [Fact]
    public void No_linked_containers_give_no_variables_and_no_hosts()
    {
        Assert.Empty(LinkVariables.For("db", []));
        Assert.Empty(LinkVariables.Hosts("db", []));
    }

    [Fact]
    public void The_alias_resolves_to_the_first_container_and_alias_n_to_each()
    {
        var hosts = LinkVariables.Hosts("db", [Db2, Db1]);

        Assert.Equal([new HostAlias("db", "10.0.0.5"), new HostAlias("db-1", "10.0.0.5"), new HostAlias("db-2", "10.0.0.6")], hosts);
    }

    [Fact]
    public void Containers_not_reachable_yet_get_no_host_name()
    {
        var unplaced = new LinkedContainer("mysql-1", 1, "", [], []);

        Assert.Equal([new HostAlias("db", "10.0.0.6"), new HostAlias("db-2", "10.0.0.6")], LinkVariables.Hosts("db", [unplaced, Db2]));
    }
}
