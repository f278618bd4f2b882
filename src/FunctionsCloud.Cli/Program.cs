using FunctionsCloud.Cli;
using FunctionsCloud.Cli.Runtime;

return await FcApp.RunAsync(args, CliEnvironment.FromProcess());
