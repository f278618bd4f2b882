namespace FunctionsCloud.Providers;
