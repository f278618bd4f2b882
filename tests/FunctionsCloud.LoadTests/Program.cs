using FunctionsCloud.LoadTests.BadInput;
using FunctionsCloud.LoadTests.Deploy;
using FunctionsCloud.LoadTests.Heartbeats;
using FunctionsCloud.LoadTests.Logs;
using FunctionsCloud.LoadTests.Monitor;
using FunctionsCloud.LoadTests.Redeploy;
using FunctionsCloud.LoadTests.Scale;
using FunctionsCloud.LoadTests.Support;
using FunctionsCloud.LoadTests.Walkthrough;

// The load tool (see the README's "Numbers"). Everything runs on loopback against an Azurite of its own.
const string usage = """
    Usage:
      FunctionsCloud.LoadTests monitor [--nodes 100000] [--stale 1000]
      FunctionsCloud.LoadTests heartbeats [--agents 1000] [--seconds 20] [--interval <seconds>]
      FunctionsCloud.LoadTests deploy [--nodes 100] [--call-seconds 1]
      FunctionsCloud.LoadTests scale [--containers 30] [--nodes 3] [--interval 10] [--rounds 3] [--phase any|worst]
      FunctionsCloud.LoadTests badinput [--requests 100000] [--seed 1] [--parallel 8]
      FunctionsCloud.LoadTests walkthrough [--rounds 2]
      FunctionsCloud.LoadTests redeploy [--containers 30] [--nodes 1] [--interval 2]
      FunctionsCloud.LoadTests logs [--containers 10] [--nodes 1] [--rate 100] [--seconds 20] [--idle-seconds 30] [--interval 10]
    Exit code 0 when the run met its targets, 1 when not, 2 for bad arguments.
    """;

if (args.Length == 0 || args[0] is not ("monitor" or "heartbeats" or "deploy" or "scale" or "badinput" or "walkthrough" or "redeploy" or "logs"))
{
    Console.Error.WriteLine(usage);
    return 2;
}

try
{
    var options = new Arguments(args.Skip(1));
    var passed = args[0] switch
    {
        "monitor" => await MonitorBenchmark.RunAsync(options, Console.Out),
        "deploy" => await DeployBenchmark.RunAsync(options, Console.Out),
        "scale" => await ScaleBenchmark.RunAsync(options, Console.Out),
        "badinput" => await BadInputLoad.RunAsync(options, Console.Out),
        "walkthrough" => await WalkthroughBenchmark.RunAsync(options, Console.Out),
        "redeploy" => await RedeployBenchmark.RunAsync(options, Console.Out),
        "logs" => await LogLoad.RunAsync(options, Console.Out),
        _ => await HeartbeatLoad.RunAsync(options, Console.Out),
    };
    return passed ? 0 : 1;
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    Console.Error.WriteLine(usage);
    return 2;
}
